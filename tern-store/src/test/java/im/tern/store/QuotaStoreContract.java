package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.store.QuotaStore.Quota;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link QuotaStore} backend must do; subclasses say which backend. */
public abstract class QuotaStoreContract {
    private static final Instant HOUR = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant NEXT_HOUR = HOUR.plus(Duration.ofHours(1));

    private Database database;
    protected QuotaStore quotas;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        quotas = database.store(QuotaStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Quota quota(String key, int limit) {
        return new Quota(key, HOUR, NEXT_HOUR, limit);
    }

    @Test
    void hitsAreCountedUntilTheLimitAndEachWindowCountsAlone() {
        assertThat(quotas.hit(List.of(quota("ip:1", 2)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("ip:1", 2)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("ip:1", 2)))).containsExactly(quota("ip:1", 2));

        assertThat(quotas.hit(List.of(new Quota("ip:1", NEXT_HOUR, NEXT_HOUR.plus(Duration.ofHours(1)), 2)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("ip:2", 2)))).isEmpty();
    }

    @Test
    void aFullQuotaCountsTheHitOnNoneOfTheOthers() {
        quotas.hit(List.of(quota("number:1", 1)));

        assertThat(quotas.hit(List.of(quota("ip:1", 1), quota("number:1", 1), quota("prefix:1", 5))))
                .containsExactly(quota("number:1", 1));

        // ip:1 and prefix:1 were left untouched: each still has its whole allowance.
        assertThat(quotas.hit(List.of(quota("ip:1", 1)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("ip:1", 1)))).hasSize(1);
        for (int i = 0; i < 5; i++) assertThat(quotas.hit(List.of(quota("prefix:1", 5)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("prefix:1", 5)))).hasSize(1);
    }

    @Test
    void concurrentHitsNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> hits = new ArrayList<>();
            for (int i = 0; i < 40; i++) hits.add(() -> quotas.hit(List.of(quota("b", 100), quota("a", 7))).isEmpty());
            int counted = 0;
            for (Future<Boolean> f : pool.invokeAll(hits)) if (f.get()) counted++;
            assertThat(counted).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeForgetsEndedWindows() {
        quotas.hit(List.of(quota("ip:1", 1)));
        assertThat(quotas.purge(NEXT_HOUR)).isZero();
        assertThat(quotas.purge(NEXT_HOUR.plusMillis(1))).isEqualTo(1);
        assertThat(quotas.hit(List.of(quota("ip:1", 1)))).isEmpty();
    }

    @Test
    void aQuotaAllowsAtLeastOneHitInARealWindow() {
        assertThatThrownBy(() -> quota("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quota("x", HOUR, HOUR, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgettingCountersDropsEveryWindowOfThoseKeysOnly() {
        quotas.hit(List.of(quota("number:1", 1)));
        quotas.hit(List.of(new Quota("number:1", NEXT_HOUR, NEXT_HOUR.plus(Duration.ofHours(1)), 1)));
        quotas.hit(List.of(quota("number:2", 1)));

        assertThat(quotas.forget(List.of("number:1", "number:3"))).isEqualTo(2);
        assertThat(quotas.hit(List.of(quota("number:1", 1)))).isEmpty();
        assertThat(quotas.hit(List.of(quota("number:2", 1)))).containsExactly(quota("number:2", 1));
    }
}
