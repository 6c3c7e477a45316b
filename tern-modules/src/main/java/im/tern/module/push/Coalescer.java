package im.tern.module.push;

import im.tern.core.Jid;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one push per registration per window. A notification carries no content, and the device it
 * wakes fetches everything waiting, so a second push inside the window would only wake it again. A zero
 * window lets every message through. In memory: after a restart the first message pushes again.
 */
final class Coalescer {
    /** Past this many remembered registrations, those outside the window are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Key(Jid account, Jid service, String node) {}

    private final Duration window;
    private final Map<Key, Instant> lastPush = new ConcurrentHashMap<>();

    Coalescer(Duration window) {
        if (window.isNegative()) throw new IllegalArgumentException("negative push window: " + window);
        this.window = window;
    }

    /** Whether a push may go now; if so, it counts as sent at {@code now}. */
    boolean allow(Jid account, PushRegistration registration, Instant now) {
        if (window.isZero()) return true;
        Key key = new Key(account, registration.service(), registration.node());
        boolean[] allowed = {false};
        lastPush.compute(key, (k, last) -> {
            if (last != null && now.isBefore(last.plus(window))) return last;
            allowed[0] = true;
            return now;
        });
        if (allowed[0] && lastPush.size() > PRUNE_ABOVE) lastPush.values().removeIf(t -> !now.isBefore(t.plus(window)));
        return allowed[0];
    }

    /** Forgets the service's registrations for that node (all of its nodes when node is null). */
    void forget(Jid account, Jid service, String node) {
        lastPush.keySet().removeIf(k -> k.account.equals(account) && k.service.equals(service)
                && (node == null || Objects.equals(node, k.node)));
    }

    void forget(Jid account) {
        lastPush.keySet().removeIf(k -> k.account.equals(account));
    }
}
