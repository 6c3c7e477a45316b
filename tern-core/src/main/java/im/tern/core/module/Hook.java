package im.tern.core.module;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reacts to an event. Returns whether later hooks (and the core's default) should still run. */
@FunctionalInterface
public interface Hook<E> {
    enum Outcome { CONTINUE, STOP }

    CompletionStage<Outcome> on(E event);

    CompletionStage<Outcome> CONTINUE = CompletableFuture.completedFuture(Outcome.CONTINUE);
    CompletionStage<Outcome> STOP = CompletableFuture.completedFuture(Outcome.STOP);
}
