package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.VerificationStore.Status;
import im.tern.store.VerificationStore.Verification;
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

/** What every {@link VerificationStore} backend must do; subclasses say which backend. */
public abstract class VerificationStoreContract {
    private static final String PHONE = "+447400123456";
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant DAY_AGO = T0.minus(Duration.ofDays(1));

    private Database database;
    protected VerificationStore verifications;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        verifications = database.store(VerificationStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Verification fresh(String id, Instant at) {
        return Verification.fresh(id, PHONE, new byte[] {1, 2, 3, (byte) id.hashCode()}, at, at.plus(Duration.ofMinutes(10)));
    }

    @Test
    void openedVerificationIsReadBackWithItsHashAndTimes() {
        assertThat(verifications.open(fresh("v1", T0), DAY_AGO, 0)).isTrue();

        Verification v = verifications.get("v1").orElseThrow();
        assertThat(v.phone()).isEqualTo(PHONE);
        assertThat(v.codeHash()).isEqualTo(fresh("v1", T0).codeHash());
        assertThat(v.created()).isEqualTo(T0);
        assertThat(v.expires()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(v.attempts()).isZero();
        assertThat(v.status()).isEqualTo(Status.OPEN);
        assertThat(verifications.get("nope")).isEmpty();
    }

    @Test
    void seriesCountsWhatWasOpenedSinceAndANewOneReplacesTheOpenOne() {
        assertThat(verifications.recent(PHONE, DAY_AGO)).isEqualTo(new VerificationStore.Series(0, null));
        verifications.open(fresh("v1", T0), DAY_AGO, 0);
        Instant later = T0.plusSeconds(30);
        verifications.open(fresh("v2", later), DAY_AGO, 1);

        assertThat(verifications.recent(PHONE, DAY_AGO)).isEqualTo(new VerificationStore.Series(2, later));
        assertThat(verifications.recent(PHONE, T0.plusSeconds(1))).isEqualTo(new VerificationStore.Series(1, later));
        assertThat(verifications.recent("+33612345678", DAY_AGO).count()).isZero();
        assertThat(verifications.get("v1").orElseThrow().status()).isEqualTo(Status.DEAD);
        assertThat(verifications.get("v2").orElseThrow().status()).isEqualTo(Status.OPEN);
    }

    @Test
    void openRefusesWhenTheSeriesChangedMeanwhile() {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);

        assertThat(verifications.open(fresh("v2", T0.plusSeconds(1)), DAY_AGO, 0)).isFalse();
        assertThat(verifications.get("v2")).isEmpty();
        assertThat(verifications.get("v1").orElseThrow().status()).isEqualTo(Status.OPEN);
    }

    @Test
    void concurrentOpensForOneNumberLetExactlyOneThrough() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> opens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = "c" + i;
                opens.add(() -> verifications.open(fresh(id, T0), DAY_AGO, 0));
            }
            int opened = 0;
            for (Future<Boolean> f : pool.invokeAll(opens)) if (f.get()) opened++;
            assertThat(opened).isEqualTo(1);
            assertThat(verifications.recent(PHONE, DAY_AGO).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void attemptsAreCountedUpToTheLimitAndRefunded() {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);

        for (int i = 1; i <= 3; i++) assertThat(verifications.attempt("v1", T0, 3)).isEqualTo(i);
        assertThat(verifications.attempt("v1", T0, 3)).isZero();
        assertThat(verifications.get("v1").orElseThrow().attempts()).isEqualTo(3);

        verifications.refund("v1");
        assertThat(verifications.get("v1").orElseThrow().attempts()).isEqualTo(2);
        assertThat(verifications.attempt("v1", T0, 3)).isEqualTo(3);
        assertThat(verifications.attempt("unknown", T0, 3)).isZero();
    }

    @Test
    void concurrentAttemptsNeverPassTheLimit() throws Exception {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) tries.add(() -> verifications.attempt("v1", T0, 5));
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tries)) if (f.get() > 0) numbers.add(f.get());
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noAttemptOnAnExpiredUsedOrDeadVerification() {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);
        assertThat(verifications.attempt("v1", T0.plus(Duration.ofMinutes(10)), 5)).isZero();

        assertThat(verifications.use("v1")).isTrue();
        assertThat(verifications.use("v1")).isFalse();
        assertThat(verifications.attempt("v1", T0, 5)).isZero();
        assertThat(verifications.get("v1").orElseThrow().status()).isEqualTo(Status.USED);

        verifications.open(fresh("v2", T0.plusSeconds(60)), DAY_AGO, 1);
        verifications.open(fresh("v3", T0.plusSeconds(120)), DAY_AGO, 2);
        assertThat(verifications.attempt("v2", T0.plusSeconds(120), 5)).isZero();
        assertThat(verifications.use("v2")).isFalse();
        assertThat(verifications.get("v1").orElseThrow().status()).isEqualTo(Status.USED);
    }

    @Test
    void cancelledVerificationIsGoneAndLeavesTheSeriesAsBefore() {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);
        verifications.open(fresh("v2", T0.plusSeconds(30)), DAY_AGO, 1);

        verifications.cancel("v2");

        assertThat(verifications.get("v2")).isEmpty();
        assertThat(verifications.recent(PHONE, DAY_AGO)).isEqualTo(new VerificationStore.Series(1, T0));
    }

    @Test
    void purgeForgetsOldVerifications() {
        verifications.open(fresh("old", T0), DAY_AGO, 0);
        Instant nextDay = T0.plus(Duration.ofDays(1));
        verifications.open(fresh("new", nextDay), T0.plusSeconds(1), 0);

        assertThat(verifications.purge(T0.plusSeconds(1))).isGreaterThanOrEqualTo(1);

        assertThat(verifications.get("old")).isEmpty();
        assertThat(verifications.get("new")).isPresent();
        assertThat(verifications.recent(PHONE, Instant.EPOCH).count()).isEqualTo(1);
    }

    @Test
    void forgettingANumberDropsItsVerificationsAndItsSeriesOnly() {
        verifications.open(fresh("v1", T0), DAY_AGO, 0);
        verifications.open(fresh("v2", T0.plusSeconds(30)), DAY_AGO, 1);
        verifications.open(Verification.fresh("o1", "+447400123457", new byte[] {9}, T0, T0.plusSeconds(600)), DAY_AGO, 0);

        assertThat(verifications.forget(PHONE)).isEqualTo(3); // two verifications and the number's row
        assertThat(verifications.get("v1")).isEmpty();
        assertThat(verifications.recent(PHONE, DAY_AGO)).isEqualTo(new VerificationStore.Series(0, null));
        assertThat(verifications.get("o1")).isPresent();
    }
}
