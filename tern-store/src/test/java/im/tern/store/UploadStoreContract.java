package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.UploadStore.Refusal;
import im.tern.store.UploadStore.Upload;
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

/** What every {@link UploadStore} backend must do; subclasses say which backend. */
public abstract class UploadStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant DAY_START = T0.minus(Duration.ofDays(1));

    private Database database;
    protected UploadStore uploads;

    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        uploads = database.store(UploadStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Upload slot(String id, String owner, long size, Instant at) {
        return new Upload(id, owner, "photo.jpg", size, "image/jpeg", at, at.plus(Duration.ofMinutes(5)), false);
    }

    @Test
    void slotIsReservedReadCompletedAndDeleted() {
        assertThat(uploads.reserve(slot("a1", "alice", 100, T0), DAY_START, 1000, 1000)).isNull();
        assertThat(uploads.get("a1")).contains(slot("a1", "alice", 100, T0));
        Instant fileExpires = T0.plus(Duration.ofDays(30));
        assertThat(uploads.complete("a1", T0.plusSeconds(1), fileExpires)).isTrue();
        assertThat(uploads.complete("a1", T0.plusSeconds(2), fileExpires)).as("a used slot").isFalse();
        Upload stored = uploads.get("a1").orElseThrow();
        assertThat(stored.complete()).isTrue();
        assertThat(stored.expires()).isEqualTo(fileExpires);
        assertThat(uploads.delete("a1")).isTrue();
        assertThat(uploads.get("a1")).isEmpty();
        assertThat(uploads.delete("a1")).isFalse();
    }

    @Test
    void anExpiredSlotCannotBeCompleted() {
        uploads.reserve(slot("a1", "alice", 100, T0), DAY_START, 1000, 1000);
        assertThat(uploads.complete("a1", T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofDays(30)))).isFalse();
        assertThat(uploads.complete("nope", T0, T0.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void dayQuotaCountsSlotsMadeInTheWindow() {
        assertThat(uploads.reserve(slot("a1", "alice", 600, T0.minus(Duration.ofHours(25))), T0.minus(Duration.ofDays(2)), 1000, 10_000)).isNull();
        assertThat(uploads.reserve(slot("a2", "alice", 600, T0), DAY_START, 1000, 10_000)).as("the first is older than a day").isNull();
        assertThat(uploads.reserve(slot("a3", "alice", 500, T0), DAY_START, 1000, 10_000)).isEqualTo(Refusal.DAY_QUOTA);
        assertThat(uploads.reserve(slot("b1", "bob", 500, T0), DAY_START, 1000, 10_000)).as("per owner").isNull();
        assertThat(uploads.get("a3")).isEmpty();
    }

    @Test
    void totalQuotaCountsLiveSlotsAndFiles() {
        uploads.reserve(slot("a1", "alice", 600, T0), DAY_START, 10_000, 1000);
        uploads.complete("a1", T0, T0.plus(Duration.ofDays(30)));
        assertThat(uploads.reserve(slot("a2", "alice", 500, T0), DAY_START, 10_000, 1000)).isEqualTo(Refusal.TOTAL_QUOTA);
        uploads.delete("a1");
        assertThat(uploads.reserve(slot("a2", "alice", 500, T0), DAY_START, 10_000, 1000)).isNull();
    }

    @Test
    void concurrentReservationsStayWithinTheQuota() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Refusal>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = "c" + i;
                tries.add(() -> uploads.reserve(slot(id, "alice", 100, T0), DAY_START, 500, 10_000));
            }
            int made = 0;
            for (Future<Refusal> f : pool.invokeAll(tries)) if (f.get() == null) made++;
            assertThat(made).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredListsSlotsAndFilesPastTheirDeadline() {
        uploads.reserve(slot("s1", "alice", 1, T0), DAY_START, 1000, 1000);
        uploads.reserve(slot("f1", "alice", 1, T0), DAY_START, 1000, 1000);
        uploads.complete("f1", T0, T0.plus(Duration.ofDays(30)));
        assertThat(uploads.expired(T0.plus(Duration.ofMinutes(4)), 10)).isEmpty();
        assertThat(uploads.expired(T0.plus(Duration.ofMinutes(5)), 10)).extracting(Upload::id).containsExactly("s1");
        assertThat(uploads.expired(T0.plus(Duration.ofDays(30)), 10)).extracting(Upload::id).containsExactly("s1", "f1");
        assertThat(uploads.expired(T0.plus(Duration.ofDays(30)), 1)).hasSize(1);
    }

    @Test
    void deleteOwnerRemovesOnlyThatOwnersUploadsAndKnownTellsOrphans() {
        uploads.reserve(slot("a1", "alice", 1, T0), DAY_START, 1000, 1000);
        uploads.reserve(slot("a2", "alice", 1, T0), DAY_START, 1000, 1000);
        uploads.reserve(slot("b1", "bob", 1, T0), DAY_START, 1000, 1000);
        assertThat(uploads.known(List.of("a1", "b1", "zz"))).containsExactlyInAnyOrder("a1", "b1");
        assertThat(uploads.deleteOwner("alice")).containsExactlyInAnyOrder("a1", "a2");
        assertThat(uploads.known(List.of("a1", "a2", "b1"))).containsExactly("b1");
        assertThat(uploads.known(List.of())).isEmpty();
    }
}
