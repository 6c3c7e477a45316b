package im.tern.module.testing;

import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.Phase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hooks as {@link Hooks} promises: BEFORE, HANDLE, AFTER, each in registration order, until one
 * stops. Stricter than the server on one point: a failing hook fails the event (the server logs it
 * and continues), so a test sees the exception instead of a missing stanza.
 */
final class TestHooks implements Hooks {
    private final Map<Class<?>, Map<Phase, List<Hook<?>>>> hooks = new ConcurrentHashMap<>();

    @Override
    public <E> void on(Class<E> eventType, Phase phase, Hook<? super E> hook) {
        hooks.computeIfAbsent(eventType, t -> new EnumMap<>(Phase.class))
                .computeIfAbsent(phase, p -> new CopyOnWriteArrayList<>()).add(hook);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> CompletionStage<Hook.Outcome> fire(E event) {
        List<Hook<? super E>> chain = new ArrayList<>();
        Map<Phase, List<Hook<?>>> byPhase = hooks.getOrDefault(event.getClass(), Map.of());
        for (Phase phase : Phase.values()) {
            for (Hook<?> h : byPhase.getOrDefault(phase, List.of())) chain.add((Hook<? super E>) h);
        }
        CompletionStage<Hook.Outcome> stage = Hook.CONTINUE;
        for (Hook<? super E> h : chain) {
            stage = stage.thenCompose(outcome -> outcome == Hook.Outcome.STOP ? Hook.STOP : h.on(event));
        }
        return stage;
    }
}
