package im.tern.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Privacy settings read through a short-lived cache: every presence between two accounts asks for the
 * sender's, and most accounts never change theirs. Writes through this process take effect at once; a write
 * by another node of a cluster within {@link #TTL_NANOS}. Bounded: when full, expired entries are swept,
 * and if none were, everything is dropped.
 */
final class CachingPrivacyStore implements PrivacyStore {
    static final long TTL_NANOS = 30_000_000_000L;
    static final int MAX_ENTRIES = 100_000;

    private record Entry(PrivacySettings settings, long loadedAt) {}

    private final PrivacyStore store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    // Bumped by every write: a read that raced one does not put what it read into the cache.
    private final AtomicLong writes = new AtomicLong();

    CachingPrivacyStore(PrivacyStore store) {
        this.store = store;
    }

    @Override
    public PrivacySettings get(String username) {
        long now = System.nanoTime();
        Entry e = entries.get(username);
        if (e != null && now - e.loadedAt < TTL_NANOS) return e.settings;
        long before = writes.get();
        PrivacySettings read = store.get(username);
        if (writes.get() == before) {
            if (entries.size() >= MAX_ENTRIES) sweep(now);
            entries.put(username, new Entry(read, now));
        }
        return read;
    }

    @Override
    public void put(String username, PrivacySettings settings) {
        writes.incrementAndGet();
        entries.remove(username);
        try {
            store.put(username, settings);
        } finally {
            writes.incrementAndGet();
            entries.remove(username);
        }
    }

    @Override
    public void deleteAll(String username) {
        writes.incrementAndGet();
        entries.remove(username);
        try {
            store.deleteAll(username);
        } finally {
            writes.incrementAndGet();
            entries.remove(username);
        }
    }

    private void sweep(long now) {
        entries.values().removeIf(e -> now - e.loadedAt >= TTL_NANOS);
        if (entries.size() >= MAX_ENTRIES) entries.clear();
    }
}
