package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PepStore} backend must do; subclasses say which backend. */
public abstract class PepStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final String CONFIG = "<x xmlns='jabber:x:data' type='submit'/>";

    private Database database;
    protected PepStore pep;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        pep = database.store(PepStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static PepStore.Item item(String id, int second) {
        return new PepStore.Item(id, "<mood xmlns='http://jabber.org/protocol/mood'><happy/>" + id + "</mood>", T0.plusSeconds(second));
    }

    List<PepStore.Node> nodes(String owner) {
        return pep.nodes(List.of(owner), List.of()).getOrDefault(owner, List.of());
    }

    @Test
    void namedNodesOfManyOwnersComeInOneCall() {
        for (String owner : List.of("alice", "bob", "carol")) {
            pep.create(owner, "avatar", CONFIG, 10);
            pep.create(owner, "mood", CONFIG, 10);
            pep.publish(owner, "avatar", item(owner, 1), 1);
        }
        List<String> many = new ArrayList<>(List.of("alice", "carol", "nobody"));
        for (int i = 0; i < 600; i++) many.add("absent" + i);

        Map<String, List<PepStore.Node>> found = pep.nodes(many, List.of("avatar", "tune"));

        assertThat(found).containsOnlyKeys("alice", "carol");
        assertThat(found.get("carol")).containsExactly(new PepStore.Node("avatar", CONFIG, item("carol", 1)));
        assertThat(pep.nodes(List.of("bob"), List.of()).get("bob")).extracting(PepStore.Node::name).containsExactly("avatar", "mood");
        assertThat(pep.nodes(List.of(), List.of())).isEmpty();
    }

    @Test
    void nodeIsCreatedOnceAndListedWithItsNewestItem() {
        assertThat(pep.create("alice", "urn:xmpp:avatar:metadata", CONFIG, 10)).isEqualTo(PepStore.Creation.CREATED);
        assertThat(pep.create("alice", "urn:xmpp:avatar:metadata", "other", 10)).isEqualTo(PepStore.Creation.EXISTS);
        assertThat(pep.node("alice", "urn:xmpp:avatar:metadata")).contains(new PepStore.Node("urn:xmpp:avatar:metadata", CONFIG, null));

        pep.publish("alice", "urn:xmpp:avatar:metadata", item("a", 1), 5);
        pep.publish("alice", "urn:xmpp:avatar:metadata", item("b", 2), 5);
        pep.create("alice", "http://jabber.org/protocol/mood", CONFIG, 10);

        assertThat(nodes("alice")).containsExactly(
                new PepStore.Node("http://jabber.org/protocol/mood", CONFIG, null),
                new PepStore.Node("urn:xmpp:avatar:metadata", CONFIG, item("b", 2)));
        assertThat(nodes("bob")).isEmpty();
        assertThat(pep.node("bob", "urn:xmpp:avatar:metadata")).isEmpty();
    }

    @Test
    void itemsComeOldestFirstAndOnlyTheNewestAreKept() {
        pep.create("alice", "n", CONFIG, 10);
        for (int i = 1; i <= 5; i++) assertThat(pep.publish("alice", "n", item("i" + i, i), 3)).isTrue();

        assertThat(pep.items("alice", "n", List.of(), 10)).containsExactly(item("i3", 3), item("i4", 4), item("i5", 5));
        assertThat(pep.items("alice", "n", List.of(), 2)).containsExactly(item("i4", 4), item("i5", 5));
        assertThat(pep.items("alice", "n", List.of("i5", "i1", "i3"), 10)).containsExactly(item("i3", 3), item("i5", 5));
    }

    @Test
    void publishingAnIdAgainReplacesItAndMakesItTheNewest() {
        pep.create("alice", "n", CONFIG, 10);
        pep.publish("alice", "n", item("a", 1), 10);
        pep.publish("alice", "n", item("b", 2), 10);
        PepStore.Item again = new PepStore.Item("a", "<x xmlns='urn:test'>new</x>", T0.plusSeconds(3));
        pep.publish("alice", "n", again, 10);

        assertThat(pep.items("alice", "n", List.of(), 10)).containsExactly(item("b", 2), again);
        assertThat(pep.node("alice", "n").orElseThrow().last()).isEqualTo(again);
    }

    @Test
    void publishingToAMissingNodeStoresNothing() {
        assertThat(pep.publish("alice", "nowhere", item("a", 1), 10)).isFalse();
        assertThat(pep.items("alice", "nowhere", List.of(), 10)).isEmpty();
    }

    @Test
    void configuringReplacesTheConfigurationAndTrims() {
        pep.create("alice", "n", CONFIG, 10);
        for (int i = 1; i <= 4; i++) pep.publish("alice", "n", item("i" + i, i), 10);

        assertThat(pep.configure("alice", "n", "new", 1)).isTrue();
        assertThat(pep.node("alice", "n")).contains(new PepStore.Node("n", "new", item("i4", 4)));
        assertThat(pep.items("alice", "n", List.of(), 10)).containsExactly(item("i4", 4));

        assertThat(pep.configure("alice", "n", "new", 0)).isTrue();
        assertThat(pep.items("alice", "n", List.of(), 10)).isEmpty();
        assertThat(pep.configure("alice", "missing", "x", 1)).isFalse();
    }

    @Test
    void retractRemovesOneItem() {
        pep.create("alice", "n", CONFIG, 10);
        pep.publish("alice", "n", item("a", 1), 10);
        pep.publish("alice", "n", item("b", 2), 10);

        assertThat(pep.retract("alice", "n", "b")).isTrue();
        assertThat(pep.retract("alice", "n", "b")).isFalse();
        assertThat(pep.node("alice", "n").orElseThrow().last()).isEqualTo(item("a", 1));
    }

    @Test
    void deletingANodeTakesItsItemsAndFreesItsName() {
        pep.create("alice", "n", CONFIG, 10);
        pep.publish("alice", "n", item("a", 1), 10);

        assertThat(pep.delete("alice", "n")).isTrue();
        assertThat(pep.delete("alice", "n")).isFalse();
        assertThat(pep.node("alice", "n")).isEmpty();
        assertThat(pep.create("alice", "n", CONFIG, 10)).isEqualTo(PepStore.Creation.CREATED);
        assertThat(pep.items("alice", "n", List.of(), 10)).isEmpty();
    }

    @Test
    void deleteAllLeavesOtherAccountsAlone() {
        pep.create("alice", "n", CONFIG, 10);
        pep.publish("alice", "n", item("a", 1), 10);
        pep.create("bob", "n", CONFIG, 10);
        pep.publish("bob", "n", item("b", 1), 10);

        pep.deleteAll("alice");

        assertThat(nodes("alice")).isEmpty();
        assertThat(pep.items("alice", "n", List.of(), 10)).isEmpty();
        assertThat(nodes("bob")).containsExactly(new PepStore.Node("n", CONFIG, item("b", 1)));
        assertThat(pep.create("alice", "n", CONFIG, 1)).isEqualTo(PepStore.Creation.CREATED);
    }

    @Test
    void nodeLimitHoldsUnderConcurrentCreation() throws Exception {
        pep.create("alice", "existing", CONFIG, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PepStore.Creation>> creations = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = "node-" + i;
                creations.add(() -> pep.create("alice", name, CONFIG, 5));
            }
            int created = 0;
            for (Future<PepStore.Creation> f : pool.invokeAll(creations)) {
                if (f.get() == PepStore.Creation.CREATED) created++;
                else assertThat(f.get()).isEqualTo(PepStore.Creation.LIMIT_REACHED);
            }
            assertThat(created).isEqualTo(4);
            assertThat(nodes("alice")).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentPublicationsKeepExactlyTheLimit() throws Exception {
        pep.create("alice", "n", CONFIG, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> publications = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "i" + i;
                int second = i;
                publications.add(() -> pep.publish("alice", "n", item(id, second), 3));
            }
            for (Future<Boolean> f : pool.invokeAll(publications)) assertThat(f.get()).isTrue();
            assertThat(pep.items("alice", "n", List.of(), 100)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
