package im.tern.server.module;

import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.Phase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hooks by exact event class. A hook that fails (throws, or its stage fails) is logged and treated as
 * CONTINUE: one broken observer must not swallow stanzas. Stages already complete are chained
 * without recursion, so the usual all-synchronous case costs no allocation beyond the iteration.
 */
public final class HookRegistry implements Hooks {
    private static final Logger log = LoggerFactory.getLogger(HookRegistry.class);

    private final Map<Class<?>, List<Hook<Object>>> hooks = new ConcurrentHashMap<>();
    private final Map<Class<?>, int[]> phaseEnds = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <E> void on(Class<E> eventType, Phase phase, Hook<? super E> hook) {
        List<Hook<Object>> list = hooks.computeIfAbsent(eventType, k -> new CopyOnWriteArrayList<>());
        int[] ends = phaseEnds.computeIfAbsent(eventType, k -> new int[Phase.values().length]);
        int at = ends[phase.ordinal()];
        list.add(at, (Hook<Object>) hook);
        for (int p = phase.ordinal(); p < ends.length; p++) ends[p]++;
    }

    @Override
    public <E> CompletionStage<Hook.Outcome> fire(E event) {
        List<Hook<Object>> list = hooks.get(event.getClass());
        if (list == null || list.isEmpty()) return Hook.CONTINUE;
        return run(list, 0, event);
    }

    private CompletionStage<Hook.Outcome> run(List<Hook<Object>> list, int from, Object event) {
        for (int i = from; i < list.size(); i++) {
            CompletableFuture<Hook.Outcome> stage = invoke(list.get(i), event);
            if (!stage.isDone()) {
                int next = i + 1;
                return stage.handle((outcome, error) -> outcomeOf(outcome, error, event))
                        .thenCompose(o -> o == Hook.Outcome.STOP ? Hook.STOP : run(list, next, event));
            }
            // Already complete: handle() runs inline and join() cannot block.
            if (stage.handle((o, e) -> outcomeOf(o, e, event)).join() == Hook.Outcome.STOP) return Hook.STOP;
        }
        return Hook.CONTINUE;
    }

    private static CompletableFuture<Hook.Outcome> invoke(Hook<Object> hook, Object event) {
        try {
            return hook.on(event).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Hook.Outcome outcomeOf(Hook.Outcome outcome, Throwable error, Object event) {
        if (error != null) {
            log.warn("hook for {} failed; continuing", event.getClass().getSimpleName(), error);
            return Hook.Outcome.CONTINUE;
        }
        return outcome == null ? Hook.Outcome.CONTINUE : outcome;
    }
}
