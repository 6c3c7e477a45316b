package im.tern.server.session;

import im.tern.xml.Element;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one stream's elements strictly in arrival order (RFC 6120 section 10.1) although their
 * processing completes asynchronously: the next element starts only when the previous one's stage has
 * completed, back on the connection's event loop. Reading pauses while too many elements wait.
 * Confined to the event loop; the deque is created only when something has to wait.
 */
public final class StanzaQueue {
    private static final Logger log = LoggerFactory.getLogger(StanzaQueue.class);
    static final int PAUSE_AT = 64;
    static final int RESUME_AT = 16;

    private final Executor loop;
    private final Function<Element, CompletionStage<?>> processor;
    private final Runnable pauseReading;
    private final Runnable resumeReading;
    private ArrayDeque<Element> waiting;
    private boolean busy;
    private boolean paused;
    private boolean closed;

    public StanzaQueue(Executor loop, Function<Element, CompletionStage<?>> processor,
                       Runnable pauseReading, Runnable resumeReading) {
        this.loop = loop;
        this.processor = processor;
        this.pauseReading = pauseReading;
        this.resumeReading = resumeReading;
    }

    public void offer(Element element) {
        if (closed) return;
        if (!busy) {
            drain(element);
            return;
        }
        if (waiting == null) waiting = new ArrayDeque<>();
        waiting.add(element);
        if (!paused && waiting.size() >= PAUSE_AT) {
            paused = true;
            pauseReading.run();
        }
    }

    /** Drops what is waiting; nothing more runs. */
    public void close() {
        closed = true;
        waiting = null;
    }

    public int waiting() { return waiting == null ? 0 : waiting.size(); }

    private void drain(Element first) {
        Element e = first;
        while (e != null && !closed) {
            busy = true;
            CompletableFuture<?> stage = process(e);
            if (!stage.isDone()) {
                stage.whenComplete((r, error) -> loop.execute(this::continueDraining));
                return;
            }
            e = next();
        }
        busy = false;
    }

    private void continueDraining() {
        Element e = next();
        if (e == null) busy = false;
        else drain(e);
    }

    private Element next() {
        if (waiting == null) return null;
        Element e = waiting.poll();
        if (paused && waiting.size() <= RESUME_AT) {
            paused = false;
            resumeReading.run();
        }
        if (waiting.isEmpty()) waiting = null;
        return e;
    }

    private CompletableFuture<?> process(Element e) {
        try {
            return processor.apply(e).toCompletableFuture();
        } catch (RuntimeException ex) {
            log.warn("processing {} failed", e.name(), ex);
            return CompletableFuture.completedFuture(null);
        }
    }
}
