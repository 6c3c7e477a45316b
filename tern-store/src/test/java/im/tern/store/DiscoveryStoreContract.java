package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.Credentials;
import im.tern.store.DiscoveryStore.Admission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DiscoveryStore} backend must do; subclasses say which backend. */
public abstract class DiscoveryStoreContract {
    private static final long DAY = 20_000; // 2024-10-04

    private Database database;
    protected DiscoveryStore discovery;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        discovery = database.store(DiscoveryStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static List<String> hashes(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void existingAnswersTheAccountsAmongManyNamesInOneCall() {
        UserStore users = database.store(UserStore.class);
        Credentials c = Credentials.fromPassword("pw");
        for (int i = 0; i < 300; i += 3) users.create("4474001" + (10000 + i), c);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 1200; i++) asked.add("4474001" + (10000 + i));
        asked.add("4474001" + 10000); // asked twice: answered once

        Set<String> found = discovery.existing(asked);
        assertThat(found).hasSize(100).contains("447400110000", "447400110297").doesNotContain("447400110001");
        assertThat(discovery.existing(List.of())).isEmpty();
        assertThat(discovery.existing(List.of("nobody"))).isEmpty();
    }

    @Test
    void onlyNumbersNeverLookedUpBeforeCountAgainstTheDailyCap() {
        Admission first = discovery.admit("alice", hashes("h", 600), DAY, 1000);
        assertThat(first).isEqualTo(new Admission(true, 600, 600));

        // The same address book again, and again: free.
        assertThat(discovery.admit("alice", hashes("h", 600), DAY, 1000)).isEqualTo(new Admission(true, 0, 600));
        assertThat(discovery.admit("alice", hashes("h", 600), DAY + 5, 1000)).isEqualTo(new Admission(true, 0, 0));

        // 400 old and 500 new on one day: 500 more fit in the cap of 1000 only on a day with room.
        List<String> grown = new ArrayList<>(hashes("h", 400));
        grown.addAll(hashes("n", 500));
        assertThat(discovery.admit("alice", grown, DAY + 5, 1000)).isEqualTo(new Admission(true, 500, 500));
        assertThat(discovery.admit("alice", hashes("x", 501), DAY + 5, 1000)).isEqualTo(new Admission(false, 501, 500));
        // Refused means nothing recorded: the same 501 are still new, and fit the next day.
        assertThat(discovery.admit("alice", hashes("x", 501), DAY + 6, 1000)).isEqualTo(new Admission(true, 501, 501));

        // Every account counts on its own; 0 is no cap.
        assertThat(discovery.admit("bob", hashes("h", 600), DAY, 1000)).isEqualTo(new Admission(true, 600, 600));
        assertThat(discovery.admit("carol", hashes("c", 5000), DAY, 0)).isEqualTo(new Admission(true, 5000, 5000));
        assertThat(discovery.admit("dave", List.of(), DAY, 10)).isEqualTo(new Admission(true, 0, 0));
    }

    @Test
    void aHashAskedTwiceInOneBatchCountsOnce() {
        assertThat(discovery.admit("alice", List.of("a", "a", "b"), DAY, 2)).isEqualTo(new Admission(true, 2, 2));
    }

    @Test
    void purgeForgetsLookUpsNotRepeatedSinceAndDeleteAllForgetsTheAccount() {
        discovery.admit("alice", hashes("old", 10), DAY, 0);
        discovery.admit("alice", hashes("new", 10), DAY + 100, 0);
        discovery.admit("alice", hashes("old", 2), DAY + 100, 0); // refreshed by a later look-up

        assertThat(discovery.purge(DAY + 50)).isEqualTo(8);
        assertThat(discovery.admit("alice", hashes("old", 10), DAY + 100, 0).fresh()).isEqualTo(8);

        discovery.admit("bob", hashes("b", 3), DAY, 0);
        discovery.deleteAll("alice");
        assertThat(discovery.admit("alice", hashes("new", 10), DAY + 100, 10)).isEqualTo(new Admission(true, 10, 10));
        assertThat(discovery.admit("bob", hashes("b", 3), DAY, 0).fresh()).isZero();
    }

    @Test
    void concurrentLookUpsByOneAccountNeverPassTheCap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Admission>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                List<String> batch = hashes("p" + i + "-", 10);
                calls.add(() -> discovery.admit("alice", batch, DAY, 55));
            }
            int admitted = 0;
            for (Future<Admission> f : pool.invokeAll(calls)) if (f.get().admitted()) admitted++;
            assertThat(admitted).isEqualTo(5);
            assertThat(discovery.admit("alice", List.of("one-more"), DAY, 55).usedToday()).isEqualTo(51);
        } finally {
            pool.shutdownNow();
        }
    }
}
