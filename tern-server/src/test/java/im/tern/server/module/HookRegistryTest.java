package im.tern.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.module.Hook;
import im.tern.core.module.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HookRegistryTest {
    record Ping(String text) {}

    private final HookRegistry hooks = new HookRegistry();
    private final List<String> ran = new ArrayList<>();

    private Hook<Ping> record(String name, Hook.Outcome outcome) {
        return e -> {
            ran.add(name);
            return CompletableFuture.completedFuture(outcome);
        };
    }

    @Test
    void runsBeforeThenHandleThenAfterWhateverTheRegistrationOrder() {
        hooks.on(Ping.class, Phase.AFTER, record("after", Hook.Outcome.CONTINUE));
        hooks.on(Ping.class, Phase.HANDLE, record("handle1", Hook.Outcome.CONTINUE));
        hooks.on(Ping.class, Phase.BEFORE, record("before", Hook.Outcome.CONTINUE));
        hooks.on(Ping.class, Phase.HANDLE, record("handle2", Hook.Outcome.CONTINUE));

        assertThat(hooks.fire(new Ping("x")).toCompletableFuture().join()).isEqualTo(Hook.Outcome.CONTINUE);
        assertThat(ran).containsExactly("before", "handle1", "handle2", "after");
    }

    @Test
    void stopEndsTheChain() {
        hooks.on(Ping.class, Phase.HANDLE, record("handle", Hook.Outcome.STOP));
        hooks.on(Ping.class, Phase.AFTER, record("after", Hook.Outcome.CONTINUE));

        assertThat(hooks.fire(new Ping("x")).toCompletableFuture().join()).isEqualTo(Hook.Outcome.STOP);
        assertThat(ran).containsExactly("handle");
    }

    @Test
    void waitsForAnAsynchronousHookBeforeTheNext() {
        CompletableFuture<Hook.Outcome> slow = new CompletableFuture<>();
        hooks.on(Ping.class, Phase.BEFORE, e -> slow);
        hooks.on(Ping.class, Phase.AFTER, record("after", Hook.Outcome.CONTINUE));

        CompletableFuture<Hook.Outcome> fired = hooks.fire(new Ping("x")).toCompletableFuture();
        assertThat(ran).isEmpty();
        slow.complete(Hook.Outcome.CONTINUE);
        assertThat(fired.join()).isEqualTo(Hook.Outcome.CONTINUE);
        assertThat(ran).containsExactly("after");
    }

    @Test
    void aFailingHookDoesNotStopTheOthers() {
        hooks.on(Ping.class, Phase.BEFORE, e -> { throw new IllegalStateException("bug"); });
        hooks.on(Ping.class, Phase.HANDLE, e -> CompletableFuture.failedFuture(new RuntimeException("async bug")));
        hooks.on(Ping.class, Phase.AFTER, record("after", Hook.Outcome.CONTINUE));

        assertThat(hooks.fire(new Ping("x")).toCompletableFuture().join()).isEqualTo(Hook.Outcome.CONTINUE);
        assertThat(ran).containsExactly("after");
    }

    @Test
    void eventsWithoutHooksContinue() {
        assertThat(hooks.fire("unhooked").toCompletableFuture().join()).isEqualTo(Hook.Outcome.CONTINUE);
    }
}
