package im.tern.server.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor manual = queued::add;

    private ExpiringCache<String, String> cache(Executor executor) {
        return new ExpiringCache<>(k -> k + loads.incrementAndGet(), executor, 100, 10, clock::get);
    }

    @Test
    void concurrentRequestsShareOneLoad() {
        ExpiringCache<String, String> c = cache(manual);
        CompletableFuture<String> a = c.get("k");
        CompletableFuture<String> b = c.get("k");
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(a.join()).isEqualTo("k1");
        assertThat(b.join()).isEqualTo("k1");
    }

    @Test
    void hitsAreCompletedAtOnceUntilTheyExpire() {
        ExpiringCache<String, String> c = cache(Runnable::run);
        assertThat(c.get("k").join()).isEqualTo("k1");
        clock.set(99);
        assertThat(c.get("k").isDone()).isTrue();
        assertThat(c.get("k").join()).isEqualTo("k1");
        clock.set(100);
        assertThat(c.get("k").join()).isEqualTo("k2");
    }

    @Test
    void failedLoadsAreNotKept() {
        AtomicInteger calls = new AtomicInteger();
        ExpiringCache<String, String> c = new ExpiringCache<>(k -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("db down");
            return "ok";
        }, Runnable::run, 100, 10, clock::get);
        assertThatThrownBy(() -> c.get("k").join()).isInstanceOf(CompletionException.class);
        assertThat(c.get("k").join()).isEqualTo("ok");
    }

    @Test
    void rejectedLoadsFailTheFutureInsteadOfThrowing() {
        ExpiringCache<String, String> c = cache(r -> { throw new java.util.concurrent.RejectedExecutionException(); });
        assertThat(c.get("k")).isCompletedExceptionally();
    }

    @Test
    void invalidateForcesAReload() {
        ExpiringCache<String, String> c = cache(Runnable::run);
        c.get("k").join();
        c.invalidate("k");
        assertThat(c.get("k").join()).isEqualTo("k2");
    }
}
