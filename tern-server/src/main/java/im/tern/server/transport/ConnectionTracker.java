package im.tern.server.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open client connection (TCP or WebSocket), swept once a second by one shared timer instead of a timer per
 * channel: unauthenticated ones past their deadline and authenticated ones silent too long are told
 * to time out. Also counts unauthenticated connections per remote address for the cap.
 */
public final class ConnectionTracker {
    private final Set<TrackedConnection> open = ConcurrentHashMap.newKeySet();
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
    public long now() { return now; }

    public void opened(TrackedConnection c) { open.add(c); }

    public void closed(TrackedConnection c) { open.remove(c); }

    /** Counts one more unauthenticated connection from the address; false (and nothing counted) past the cap. */
    public boolean admit(String address) {
        AtomicInteger n = unauthenticated.computeIfAbsent(address, a -> new AtomicInteger());
        if (n.incrementAndGet() > unauthenticatedPerAddress) {
            release(address);
            return false;
        }
        return true;
    }

    public void release(String address) {
        unauthenticated.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    public int openConnections() { return open.size(); }

    public List<TrackedConnection> all() { return new ArrayList<>(open); }

    /** Run by the shared timer. */
    public void sweep() {
        long t = System.nanoTime();
        now = t;
        for (TrackedConnection c : open) {
            long limit = c.isAuthenticated() ? idleTimeoutNanos : unauthenticatedTimeoutNanos;
            long since = c.isAuthenticated() ? c.lastActivity() : c.openedAt();
            if (t - since > limit) c.timedOut();
        }
    }
}
