package im.tern.server.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Values loaded on a blocking executor and kept for a fixed time. Concurrent requests for one key share
 * one load; a failed load is not kept. A hit returns an already-completed future, so callers chaining
 * on it stay on their own thread. Bounded: past {@code maxEntries} the expired entries are swept, and if
 * none were, everything is dropped (a cache, not a store).
 */
public final class ExpiringCache<K, V> {
    private record Entry<V>(CompletableFuture<V> value, long loadedAt) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Function<K, V> loader;
    private final Executor executor;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public ExpiringCache(Function<K, V> loader, Executor executor, long ttlNanos, int maxEntries) {
        this(loader, executor, ttlNanos, maxEntries, System::nanoTime);
    }

    ExpiringCache(Function<K, V> loader, Executor executor, long ttlNanos, int maxEntries, LongSupplier nanoTime) {
        this.loader = loader;
        this.executor = executor;
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public CompletableFuture<V> get(K key) {
        long now = nanoTime.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.loadedAt < ttlNanos) return e.value;
        if (entries.size() >= maxEntries) sweep(now);
        CompletableFuture<V> mine = new CompletableFuture<>();
        Entry<V> current = entries.compute(key, (k, old) ->
                old != null && now - old.loadedAt < ttlNanos ? old : new Entry<>(mine, now));
        if (current.value == mine) load(key, current);
        return current.value;
    }

    public void invalidate(K key) { entries.remove(key); }

    // Started outside compute(): a load that completes inline must not touch the map from inside it.
    private void load(K key, Entry<V> entry) {
        entry.value.whenComplete((v, error) -> {
            if (error != null) entries.remove(key, entry);
        });
        try {
            executor.execute(() -> {
                try {
                    entry.value.complete(loader.apply(key));
                } catch (RuntimeException | Error e) {
                    entry.value.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            entry.value.completeExceptionally(rejected);
        }
    }

    private void sweep(long now) {
        entries.values().removeIf(e -> now - e.loadedAt >= ttlNanos);
        if (entries.size() >= maxEntries) entries.clear();
    }
}
