package im.tern.module.roster;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterModuleTest {
    static final String NS = RosterXml.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;
    TestSession phone;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new RosterModule());
        phone = server.login("alice", "phone");
    }

    @AfterEach
    void stop() { server.close(); }

    Element get(TestSession s, String ver) {
        return server.iq(s, "get", null, Element.builder("query", NS).attr("ver", ver).build());
    }

    Element set(TestSession s, Element item) {
        return server.iq(s, "set", null, Element.builder("query", NS).child(item).build());
    }

    static Element item(String jid, String name, String... groups) {
        Element.Builder b = Element.builder("item", NS).attr("jid", jid).attr("name", name);
        for (String g : groups) b.textChild("group", g);
        return b.build();
    }

    @Test
    void rosterGetReturnsItemsWithTheirVersion() {
        set(phone, item("bob@example.com", "Bob", "Friends"));
        Element query = get(phone, null).child("query", NS);
        assertThat(query.attr("ver")).isNotBlank();
        assertThat(query.elements("item", NS)).singleElement().satisfies(i -> {
            assertThat(i.attr("jid")).isEqualTo("bob@example.com");
            assertThat(i.attr("name")).isEqualTo("Bob");
            assertThat(i.attr("subscription")).isEqualTo("none");
            assertThat(i.childText("group", NS)).isEqualTo("Friends");
        });
    }

    @Test
    void versionedRosterGetWithCurrentVersionReturnsEmptyResult() {
        set(phone, item("bob@example.com", "Bob"));
        String ver = get(phone, "").child("query", NS).attr("ver");
        Element reply = get(phone, ver);
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(reply.elements()).isEmpty();
    }

    @Test
    void versionedRosterGetWithOlderVersionReturnsFullRoster() {
        String before = get(phone, "").child("query", NS).attr("ver");
        set(phone, item("bob@example.com", "Bob"));
        Element query = get(phone, before).child("query", NS);
        assertThat(query.attr("ver")).isNotEqualTo(before);
        assertThat(query.elements("item", NS)).hasSize(1);
    }

    @Test
    void rosterSetPushesToInterestedResourcesOnly() {
        TestSession laptop = server.login("alice", "laptop");
        TestSession watch = server.login("alice", "watch");
        get(laptop, null);
        Element reply = set(phone, item("bob@example.com", "Bob"));
        assertThat(reply.attr("type")).isEqualTo("result");
        List<Element> pushes = laptop.drain();
        assertThat(pushes).singleElement().satisfies(push -> {
            assertThat(push.attr("type")).isEqualTo("set");
            assertThat(push.attr("to")).isEqualTo("alice@example.com/laptop");
            Element query = push.child("query", NS);
            assertThat(query.attr("ver")).isNotBlank();
            assertThat(query.child("item", NS).attr("jid")).isEqualTo("bob@example.com");
        });
        assertThat(watch.drain()).isEmpty();
        assertThat(phone.drain()).as("phone never fetched its roster").isEmpty();
    }

    @Test
    void rosterSetChangesNameAndGroupsButNotTheSubscription() {
        server.store(RosterStore.class).put("alice",
                new RosterItem(Jid.of("bob@example.com"), "B", Subscription.BOTH, false, Set.of()));
        Element sneaky = item("bob@example.com", "Bob", "Work").withAttr("subscription", "none");
        assertThat(set(phone, sneaky).attr("type")).isEqualTo("result");
        RosterItem stored = server.store(RosterStore.class).item("alice", Jid.of("bob@example.com")).orElseThrow();
        assertThat(stored.subscription()).isEqualTo(Subscription.BOTH);
        assertThat(stored.name()).isEqualTo("Bob");
        assertThat(stored.groups()).containsExactly("Work");
    }

    @Test
    void ownJidCannotBeAddedToTheRoster() {
        assertThat(errorCondition(set(phone, item("alice@example.com", "me")))).isEqualTo("not-allowed");
    }

    @Test
    void invalidRosterSetsAreRefusedAsRfc6121Asks() {
        assertThat(errorCondition(set(phone, item("bob@example.com", "Bob", "G", "G")))).isEqualTo("bad-request");
        assertThat(errorCondition(set(phone, item("bob@example.com", "Bob", "")))).isEqualTo("not-acceptable");
        assertThat(errorCondition(set(phone, item("bob@example.com", "x".repeat(1024))))).isEqualTo("not-acceptable");
        assertThat(errorCondition(set(phone, Element.builder("item", NS).build()))).isEqualTo("bad-request");
        Element twoItems = Element.builder("query", NS).child(item("bob@example.com", "B")).child(item("carol@example.com", "C")).build();
        assertThat(errorCondition(server.iq(phone, "set", null, twoItems))).isEqualTo("bad-request");
        assertThat(server.store(RosterStore.class).roster("alice").items()).isEmpty();
    }

    @Test
    void removingAnItemPushesTheRemoval() {
        get(phone, null);
        set(phone, item("bob@example.com", "Bob"));
        phone.drain();
        Element reply = set(phone, Element.builder("item", NS).attr("jid", "bob@example.com").attr("subscription", "remove").build());
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(phone.drain()).singleElement().satisfies(push ->
                assertThat(push.child("query", NS).child("item", NS).attr("subscription")).isEqualTo("remove"));
        assertThat(server.store(RosterStore.class).roster("alice").items()).isEmpty();
    }

    @Test
    void removingAContactNotOnTheRosterIsItemNotFound() {
        Element reply = set(phone, Element.builder("item", NS).attr("jid", "bob@example.com").attr("subscription", "remove").build());
        assertThat(errorCondition(reply)).isEqualTo("item-not-found");
    }

    @Test
    void anotherAccountsRosterIsForbidden() {
        server.account("bob");
        Element reply = server.iq(phone, "get", "bob@example.com", Element.empty("query", NS));
        assertThat(errorCondition(reply)).isEqualTo("forbidden");
    }

    @Test
    void rosterVersioningIsAdvertisedAfterAuthentication() {
        assertThat(server.streamFeatures().postAuth()).contains(Element.empty("ver", RosterModule.VERSIONING));
    }

    @Test
    void aDeletedAccountLeavesEveryRosterWithAPushToTheHoldersInterestedResources() {
        set(phone, item("bob@example.com", "Bob"));
        TestSession bobPhone = server.login("bob", "phone");
        TestSession bobIdle = server.login("bob", "idle"); // never asked for its roster: no pushes
        TestSession carol = server.login("carol", "phone");
        set(bobPhone, item("alice@example.com", "Alice"));
        set(carol, item("dave@example.com", "Dave"));
        String before = get(bobPhone, "").child("query", NS).attr("ver");
        bobPhone.received().clear();
        carol.received().clear();

        server.fire(new im.tern.core.module.Events.AccountDeleted(Jid.of("alice@example.com")));

        RosterStore rosters = server.store(RosterStore.class);
        assertThat(rosters.roster("alice").items()).isEmpty();
        assertThat(rosters.roster("bob").items()).isEmpty();
        assertThat(rosters.roster("carol").items()).hasSize(1);
        Element push = bobPhone.received().stream().filter(e -> e.name().equals("iq")).findFirst().orElseThrow();
        Element query = push.child("query", NS);
        assertThat(push.attr("type")).isEqualTo("set");
        assertThat(query.attr("ver")).isNotEqualTo(before).isEqualTo(rosters.roster("bob").version());
        assertThat(query.child("item", NS).attr("jid")).isEqualTo("alice@example.com");
        assertThat(query.child("item", NS).attr("subscription")).isEqualTo("remove");
        assertThat(bobIdle.received()).noneMatch(e -> e.name().equals("iq"));
        assertThat(carol.received()).isEmpty();
    }
}
