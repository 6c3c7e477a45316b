package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.LinkCodeStore.LinkCode;
import im.tern.store.LinkCodeStore.Status;
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

/** What every {@link LinkCodeStore} backend must do; subclasses say which backend. */
public abstract class LinkCodeStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Database database;
    protected LinkCodeStore codes;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        codes = database.store(LinkCodeStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static LinkCode fresh(String id, String user, Instant at) {
        return LinkCode.fresh(id, user, new byte[] {1, 2, (byte) id.hashCode()}, at, at.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aCodeIsStoredAsGivenAndUsedOnce() {
        codes.open(fresh("c1", "alice", T0));
        LinkCode c = codes.get("c1").orElseThrow();
        assertThat(c.username()).isEqualTo("alice");
        assertThat(c.secretHash()).isEqualTo(fresh("c1", "alice", T0).secretHash());
        assertThat(c.created()).isEqualTo(T0);
        assertThat(c.expires()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(c.attempts()).isZero();
        assertThat(c.status()).isEqualTo(Status.OPEN);

        assertThat(codes.use("c1")).isTrue();
        assertThat(codes.use("c1")).isFalse();
        assertThat(codes.get("c1").orElseThrow().status()).isEqualTo(Status.USED);
        assertThat(codes.get("unknown")).isEmpty();
    }

    @Test
    void aNewerCodeOfTheAccountKillsTheOlderOneOnly() {
        codes.open(fresh("c1", "alice", T0));
        codes.open(fresh("b1", "bob", T0));
        codes.open(fresh("c2", "alice", T0.plusSeconds(10)));
        assertThat(codes.get("c1").orElseThrow().status()).isEqualTo(Status.DEAD);
        assertThat(codes.get("c2").orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(codes.get("b1").orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(codes.use("c1")).isFalse();
        assertThat(codes.attempt("c1", T0, 5)).isZero();
    }

    @Test
    void attemptsAreCountedWhileOpenUnexpiredAndUnderTheLimit() {
        codes.open(fresh("c1", "alice", T0));
        for (int i = 1; i <= 3; i++) assertThat(codes.attempt("c1", T0, 3)).isEqualTo(i);
        assertThat(codes.attempt("c1", T0, 3)).isZero();
        assertThat(codes.get("c1").orElseThrow().attempts()).isEqualTo(3);

        codes.open(fresh("c2", "bob", T0));
        assertThat(codes.attempt("c2", T0.plus(Duration.ofMinutes(5)), 3)).isZero(); // expired
        codes.use("c2");
        assertThat(codes.attempt("c2", T0, 3)).isZero();
        assertThat(codes.attempt("unknown", T0, 3)).isZero();
    }

    @Test
    void concurrentAttemptsNeverPassTheLimit() throws Exception {
        codes.open(fresh("c1", "alice", T0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 30; i++) tries.add(() -> codes.attempt("c1", T0, 5));
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tries)) if (f.get() > 0) numbers.add(f.get());
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deleteAllAndPurgeForgetCodes() {
        codes.open(fresh("c1", "alice", T0));
        codes.open(fresh("b1", "bob", T0));
        codes.open(fresh("b2", "carol", T0.plus(Duration.ofDays(1))));
        assertThat(codes.deleteAll("alice")).isEqualTo(1);
        assertThat(codes.get("c1")).isEmpty();

        assertThat(codes.purge(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(codes.get("b1")).isEmpty();
        assertThat(codes.get("b2")).isPresent();
    }
}
