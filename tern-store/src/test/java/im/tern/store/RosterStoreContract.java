package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RosterStore} backend must do; subclasses say which backend. */
public abstract class RosterStoreContract {
    private static final Jid BOB = Jid.of("bob@tern.example");
    private static final Jid CAROL = Jid.of("carol@other.example");
    private static final String SUBSCRIBE = "<presence from='bob@tern.example' to='alice@tern.example' type='subscribe'/>";

    private Database database;
    protected RosterStore rosters;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        rosters = database.store(RosterStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rosterNeverWrittenIsEmptyWithAStableVersion() {
        Roster roster = rosters.roster("alice");

        assertThat(roster.items()).isEmpty();
        assertThat(rosters.roster("alice").version()).isEqualTo(roster.version());
        assertThat(rosters.item("alice", BOB)).isEmpty();
    }

    @Test
    void putItemIsReadBackWithNameSubscriptionAskAndGroups() {
        RosterItem bob = new RosterItem(BOB, "Bob", Subscription.TO, true, Set.of("Friends", "Ärzte & Co"));
        RosterItem carol = new RosterItem(CAROL, null, Subscription.NONE, false, Set.of());
        rosters.put("alice", bob);
        rosters.put("alice", carol);

        assertThat(rosters.item("alice", BOB)).contains(bob);
        assertThat(rosters.item("alice", CAROL)).contains(carol);
        assertThat(rosters.roster("alice").items()).containsExactlyInAnyOrder(bob, carol);
    }

    @Test
    void everyChangeRaisesTheVersionAndTheRosterReportsTheLatest() {
        long empty = version(rosters.roster("alice").version());
        long added = version(rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.NONE, true, Set.of())));
        long changed = version(rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.TO, false, Set.of())));
        long removed = version(rosters.remove("alice", BOB));

        assertThat(added).isGreaterThan(empty);
        assertThat(changed).isGreaterThan(added);
        assertThat(removed).isGreaterThan(changed);
        assertThat(rosters.roster("alice").version()).isEqualTo(Long.toString(removed));
    }

    @Test
    void unchangedRosterKeepsItsVersion() {
        RosterItem bob = new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Family", "Friends"));
        String version = rosters.put("alice", bob);

        assertThat(rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Friends", "Family"))))
                .isEqualTo(version);
        assertThat(rosters.remove("alice", CAROL)).isEqualTo(version);
        assertThat(rosters.roster("alice").version()).isEqualTo(version);
    }

    @Test
    void putReplacesTheItemsGroups() {
        rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Family", "Friends")));
        RosterItem moved = new RosterItem(BOB, "Robert", Subscription.BOTH, false, Set.of("Work"));
        rosters.put("alice", moved);

        assertThat(rosters.item("alice", BOB)).contains(moved);
    }

    @Test
    void removeDropsTheItemWithItsGroups() {
        rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Friends")));
        rosters.remove("alice", BOB);
        RosterItem again = new RosterItem(BOB, null, Subscription.NONE, false, Set.of());
        rosters.put("alice", again);

        assertThat(rosters.item("alice", BOB)).contains(again);
    }

    @Test
    void pendingInboundRequestsAreKeptLatestFirstAndRemovable() {
        rosters.addPendingIn("alice", BOB, "<presence type='subscribe'/>");
        rosters.addPendingIn("alice", BOB, SUBSCRIBE);
        rosters.addPendingIn("alice", CAROL, "<presence from='carol@other.example' type='subscribe'/>");

        assertThat(rosters.pendingIn("alice")).containsEntry(BOB, SUBSCRIBE).hasSize(2);

        rosters.removePendingIn("alice", CAROL);
        assertThat(rosters.pendingIn("alice")).containsOnlyKeys(BOB);
        assertThat(rosters.pendingIn("bob")).isEmpty();
    }

    @Test
    void deleteAllRemovesThatUsersRosterAndRequestsButNoOneElses() {
        RosterItem bobOnDave = new RosterItem(BOB, "Bob", Subscription.FROM, false, Set.of("Friends"));
        rosters.put("alice", new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Friends")));
        rosters.addPendingIn("alice", CAROL, SUBSCRIBE);
        String daveVersion = rosters.put("dave", bobOnDave);
        rosters.addPendingIn("dave", CAROL, SUBSCRIBE);

        rosters.deleteAll("alice");

        assertThat(rosters.roster("alice").items()).isEmpty();
        assertThat(rosters.pendingIn("alice")).isEmpty();
        assertThat(rosters.roster("dave")).isEqualTo(new Roster(List.of(bobOnDave), daveVersion));
        assertThat(rosters.pendingIn("dave")).containsOnlyKeys(CAROL);
    }

    @Test
    void concurrentWritesEachGetTheirOwnIncreasingVersion() throws Exception {
        int threads = 4;
        int writesPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Long>> writer = () -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < writesPerThread; i++) {
                        Jid contact = Jid.of("c" + thread + "-" + i + "@tern.example");
                        seen.add(version(rosters.put("alice", new RosterItem(contact, null, Subscription.NONE, true, Set.of("g")))));
                    }
                    return seen;
                };
                results.add(pool.submit(writer));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                List<Long> seen = result.get();
                assertThat(seen).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
                all.addAll(seen);
            }
            Collections.sort(all);
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * writesPerThread);
            Roster roster = rosters.roster("alice");
            assertThat(roster.items()).hasSize(threads * writesPerThread);
            assertThat(version(roster.version())).isEqualTo(all.get(all.size() - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Versions are opaque to clients, but here they are documented as a counter. */
    private static long version(String version) {
        return Long.parseLong(version);
    }

    @Test
    void removingAnAccountEverywhereTakesItOutOfEveryOtherRosterAndPendingRequests() {
        Jid alice = Jid.of("alice@tern.example");
        String bobOnCarol = rosters.put("carol", new RosterItem(BOB, "Bob", Subscription.BOTH, false, Set.of("Friends")));
        rosters.put("carol", new RosterItem(alice, "Alice", Subscription.BOTH, false, Set.of("Friends")));
        String daveBefore = rosters.put("dave", new RosterItem(alice.withResource("phone"), null, Subscription.NONE, false, Set.of()));
        rosters.put("erin", new RosterItem(Jid.of("alice_x@tern.example"), null, Subscription.NONE, false, Set.of()));
        rosters.addPendingIn("frank", alice, "<presence from='alice@tern.example' type='subscribe'/>");
        rosters.addPendingIn("frank", BOB, SUBSCRIBE);

        java.util.Map<String, String> changed = rosters.removeEverywhere(alice);

        assertThat(changed).containsOnlyKeys("carol", "dave");
        assertThat(Long.parseLong(changed.get("carol"))).isGreaterThan(Long.parseLong(bobOnCarol));
        assertThat(Long.parseLong(changed.get("dave"))).isGreaterThan(Long.parseLong(daveBefore));
        assertThat(rosters.roster("carol").items()).extracting(RosterItem::jid).containsExactly(BOB);
        assertThat(rosters.roster("dave").items()).isEmpty();
        assertThat(rosters.roster("erin").items()).hasSize(1); // "_" is not a wildcard
        assertThat(rosters.pendingIn("frank")).containsOnlyKeys(BOB);
        assertThat(rosters.removeEverywhere(alice)).isEmpty();
    }
}
