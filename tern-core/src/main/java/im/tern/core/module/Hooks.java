package im.tern.core.module;

import java.util.concurrent.CompletionStage;

/**
 * Hooks by event type and {@link Phase}. Hooks for one event run one after another, BEFORE then
 * HANDLE then AFTER, each in registration order, until one returns {@link Hook.Outcome#STOP}.
 */
public interface Hooks {
    <E> void on(Class<E> eventType, Phase phase, Hook<? super E> hook);

    /** Runs the hooks for the event; completes with STOP if one stopped it, else CONTINUE. */
    <E> CompletionStage<Hook.Outcome> fire(E event);
}
