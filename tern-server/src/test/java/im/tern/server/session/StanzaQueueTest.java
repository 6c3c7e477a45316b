package im.tern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.xml.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class StanzaQueueTest {
    /** Runs posted tasks when the test says, like an event loop turning. */
    private final ArrayDeque<Runnable> loopTasks = new ArrayDeque<>();
    private final Executor loop = loopTasks::add;
    private final List<String> started = new ArrayList<>();
    private final Map<String, CompletableFuture<Void>> pending = new HashMap<>();
    private int pauses;
    private int resumes;

    private final StanzaQueue queue = new StanzaQueue(loop, e -> {
        String id = e.attr("id");
        started.add(id);
        return id.startsWith("slow") ? pending.computeIfAbsent(id, k -> new CompletableFuture<>())
                : CompletableFuture.completedFuture(null);
    }, () -> pauses++, () -> resumes++);

    private static Element msg(String id) { return Element.builder("message", "jabber:client").attr("id", id).build(); }

    private void runLoop() { while (!loopTasks.isEmpty()) loopTasks.poll().run(); }

    @Test
    void laterElementsWaitForAnEarlierSlowOne() {
        queue.offer(msg("fast1"));
        queue.offer(msg("slow1"));
        queue.offer(msg("fast2"));
        queue.offer(msg("fast3"));
        assertThat(started).containsExactly("fast1", "slow1");

        pending.get("slow1").complete(null);
        runLoop();
        assertThat(started).containsExactly("fast1", "slow1", "fast2", "fast3");
    }

    @Test
    void pausesReadingWhenManyWaitAndResumesWhenDrained() {
        queue.offer(msg("slow0"));
        for (int i = 0; i < StanzaQueue.PAUSE_AT; i++) queue.offer(msg("f" + i));
        assertThat(pauses).isEqualTo(1);

        pending.get("slow0").complete(null);
        runLoop();
        assertThat(resumes).isEqualTo(1);
        assertThat(started).hasSize(StanzaQueue.PAUSE_AT + 1);
        assertThat(queue.waiting()).isZero();
    }

    @Test
    void nothingRunsAfterClose() {
        queue.offer(msg("slow1"));
        queue.offer(msg("fast1"));
        queue.close();
        pending.get("slow1").complete(null);
        runLoop();
        queue.offer(msg("fast2"));
        assertThat(started).containsExactly("slow1");
    }
}
