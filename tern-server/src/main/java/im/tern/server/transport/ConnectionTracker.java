package im.tern.server.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open client connection, swept once a second by one shared timer instead of a timer per
 * channel: unauthenticated ones past their deadline and authenticated ones silent too long are told
 * to time out. Also counts unauthenticated connections per remote address for the cap.
 */
public final class ConnectionTracker {
    private final Set<C2sConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> unauthenticated = new ConcurrentHashMap<>();
    private final long unauthenticatedTimeoutNanos;
    private final long idleTimeoutNanos;
    private final int unauthenticatedPerAddress;
    private volatile long now = System.nanoTime();

    public ConnectionTracker(long unauthenticatedTimeoutNanos, long idleTimeoutNanos, int unauthenticatedPerAddress) {
        this.unauthenticatedTimeoutNanos = unauthenticatedTimeoutNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.unauthenticatedPerAddress = unauthenticatedPerAddress;
    }

    /** A coarse clock, refreshed by the sweep: reads stamp activity without a system call each. */
    long now() { return now; }

    void opened(C2sConnection c) { open.add(c); }

    void closed(C2sConnection c) { open.remove(c); }

    /** Counts one more unauthenticated connection from the address; false (and nothing counted) past the cap. */
    boolean admit(String address) {
        AtomicInteger n = unauthenticated.computeIfAbsent(address, a -> new AtomicInteger());
        if (n.incrementAndGet() > unauthenticatedPerAddress) {
            release(address);
            return false;
        }
        return true;
    }

    void release(String address) {
        unauthenticated.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public int openConnections() { return open.size(); }

    public List<C2sConnection> all() { return new ArrayList<>(open); }

    /** Run by the shared timer. */
    public void sweep() {
        long t = System.nanoTime();
        now = t;
        for (C2sConnection c : open) {
            long limit = c.isAuthenticated() ? idleTimeoutNanos : unauthenticatedTimeoutNanos;
            long since = c.isAuthenticated() ? c.lastActivity() : c.openedAt();
            if (t - since > limit) c.timedOut();
        }
    }
}
