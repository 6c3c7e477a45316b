package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

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

/** What every {@link PinStore} backend must do; subclasses say which backend. */
public abstract class PinStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Database database;
    protected PinStore pins;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        pins = database.store(PinStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pinIsStoredReplacedAndDeleted() {
        assertThat(pins.get("447400123456")).isEmpty();
        pins.put("447400123456", "pbkdf2$1$a$b");
        assertThat(pins.get("447400123456")).contains(new PinStore.Pin("pbkdf2$1$a$b", 0, Instant.EPOCH));

        pins.put("447400123456", "pbkdf2$1$c$d");
        assertThat(pins.get("447400123456").orElseThrow().hash()).isEqualTo("pbkdf2$1$c$d");

        assertThat(pins.delete("447400123456")).isTrue();
        assertThat(pins.delete("447400123456")).isFalse();
        assertThat(pins.get("447400123456")).isEmpty();
    }

    @Test
    void triesAreCountedUpToTheLimitThenLockedThenFreeAgain() {
        pins.put("u", "h");
        for (int i = 1; i <= 3; i++) assertThat(pins.countTry("u", T0, 3)).isEqualTo(i);
        assertThat(pins.countTry("u", T0, 3)).isZero();

        Instant until = T0.plusSeconds(3600);
        pins.lock("u", until);
        assertThat(pins.get("u")).contains(new PinStore.Pin("h", 0, until));
        assertThat(pins.countTry("u", T0.plusSeconds(3599), 3)).isZero();
        assertThat(pins.countTry("u", until, 3)).isEqualTo(1);
        assertThat(pins.countTry("nobody", T0, 3)).isZero();
    }

    @Test
    void clearingTriesAndSettingAPinEndCountingAndLockOut() {
        pins.put("u", "h");
        pins.countTry("u", T0, 5);
        pins.countTry("u", T0, 5);
        pins.clearTries("u");
        assertThat(pins.get("u").orElseThrow().tries()).isZero();

        pins.lock("u", T0.plusSeconds(60));
        pins.put("u", "h2");
        assertThat(pins.countTry("u", T0, 5)).isEqualTo(1);
    }

    @Test
    void concurrentTriesNeverPassTheLimit() throws Exception {
        pins.put("u", "h");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 30; i++) tries.add(() -> pins.countTry("u", T0, 5));
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tries)) if (f.get() > 0) numbers.add(f.get());
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
    }
}
