package im.tern.module.blocking;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static im.tern.module.testing.TestStanzas.presence;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.ping.PingModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockingModuleTest {
    static final String NS = BlockingModule.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() { server = newServer(); }

    @AfterEach
    void stop() { server.close(); }

    TestServer newServer() {
        return new TestServer(dir, new RosterModule(), new PresenceModule(), new PingModule(), new BlockingModule());
    }

    TestSession online(String user, String resource) {
        TestSession s = server.login(user, resource);
        server.send(s, presence());
        s.drain();
        return s;
    }

    void friends(String a, String b) {
        RosterStore rosters = server.store(RosterStore.class);
        rosters.put(a, new RosterItem(Jid.of(b + "@example.com"), null, Subscription.BOTH, false, Set.of()));
        rosters.put(b, new RosterItem(Jid.of(a + "@example.com"), null, Subscription.BOTH, false, Set.of()));
    }

    static Element items(String name, String... jids) {
        Element.Builder b = Element.builder(name, NS);
        for (String j : jids) b.child(Element.builder("item", NS).attr("jid", j).build());
        return b.build();
    }

    Element block(TestSession s, String... jids) { return server.iq(s, "set", null, items("block", jids)); }

    Element unblock(TestSession s, String... jids) { return server.iq(s, "set", null, items("unblock", jids)); }

    List<String> blocklist(TestSession s) {
        Element reply = server.iq(s, "get", null, Element.empty("blocklist", NS));
        return reply.child("blocklist", NS).elements("item", NS).stream().map(i -> i.attr("jid")).toList();
    }

    static Element chat(String to, String body) {
        return Element.builder("message", "jabber:client").attr("type", "chat").attr("to", to).attr("id", "c1")
                .textChild("body", body).build();
    }

    static List<Element> presences(List<Element> received, String type, String from) {
        return received.stream().filter(e -> e.name().equals("presence")
                && Objects.equals(e.attr("type"), type) && Objects.equals(e.attr("from"), from)).toList();
    }

    @Test
    void blockedJidsAreListedInOrder() {
        TestSession alice = online("alice", "phone");
        assertThat(blocklist(alice)).isEmpty();
        assertThat(block(alice, "bob@example.com", "spam.example").attr("type")).isEqualTo("result");
        assertThat(blocklist(alice)).containsExactly("bob@example.com", "spam.example");
    }

    @Test
    void unblockRemovesOnlyTheNamedJids() {
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com", "carol@example.com");
        unblock(alice, "bob@example.com");
        assertThat(blocklist(alice)).containsExactly("carol@example.com");
    }

    @Test
    void emptyUnblockUnblocksEveryone() {
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com", "carol@example.com");
        assertThat(unblock(alice).attr("type")).isEqualTo("result");
        assertThat(blocklist(alice)).isEmpty();
    }

    @Test
    void blockWithoutItemsIsBadRequestAndMalformedJidIsRefused() {
        TestSession alice = online("alice", "phone");
        assertThat(errorCondition(block(alice))).isEqualTo("bad-request");
        assertThat(errorCondition(block(alice, "@@bad@@"))).isEqualTo("jid-malformed");
        assertThat(blocklist(alice)).isEmpty();
    }

    @Test
    void anotherAccountsBlocklistIsNotRevealed() {
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com");
        TestSession carol = online("carol", "x");
        Element reply = server.iq(carol, "get", "alice@example.com", Element.empty("blocklist", NS));
        assertThat(errorCondition(reply)).isEqualTo("service-unavailable");
    }

    @Test
    void changesArePushedToResourcesThatAskedForTheList() {
        TestSession phone = online("alice", "phone");
        TestSession laptop = online("alice", "laptop");
        TestSession watch = online("alice", "watch");
        blocklist(laptop);

        block(phone, "bob@example.com");
        unblock(phone);

        List<Element> pushes = laptop.drain(e -> e.name().equals("iq"));
        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(0).attr("type")).isEqualTo("set");
        assertThat(pushes.get(0).attr("from")).isEqualTo("alice@example.com");
        assertThat(pushes.get(0).child("block", NS)).isEqualTo(items("block", "bob@example.com"));
        assertThat(pushes.get(1).child("unblock", NS)).isEqualTo(items("unblock"));
        assertThat(watch.drain(e -> e.name().equals("iq"))).isEmpty();
    }

    @Test
    void blockedContactsMessageIsRefusedWithServiceUnavailable() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        block(alice, "bob@example.com");
        assertThat(presences(bob.drain(), "unavailable", "alice@example.com")).hasSize(1);

        server.send(bob, chat("alice@example.com", "hello?"));
        server.send(bob, chat("alice@example.com/phone", "hello?"));

        assertThat(alice.drain()).isEmpty();
        assertThat(bob.drain()).hasSize(2).allSatisfy(e -> assertThat(errorCondition(e)).isEqualTo("service-unavailable"));
    }

    @Test
    void blockedContactsIqIsRefusedAndItsPresenceDroppedSilently() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        block(alice, "bob@example.com");
        bob.drain();

        Element reply = server.iq(bob, "get", "alice@example.com", Element.empty("ping", PingModule.NAMESPACE));
        assertThat(errorCondition(reply)).isEqualTo("service-unavailable");
        server.send(bob, presence(null, "alice@example.com/phone"));
        server.send(bob, presence("subscribe", "alice@example.com"));

        assertThat(alice.drain()).isEmpty();
        assertThat(bob.drain()).isEmpty();
    }

    @Test
    void messageToABlockedJidIsRefusedAsBlocked() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        block(alice, "bob@example.com");
        bob.drain();

        server.send(alice, chat("bob@example.com/desk", "psst"));

        assertThat(bob.drain()).isEmpty();
        Element error = alice.drain().get(0);
        assertThat(errorCondition(error)).isEqualTo("not-acceptable");
        assertThat(error.child("error", "jabber:client").child("blocked", "urn:xmpp:blocking:errors")).isNotNull();
        assertThat(error.attr("from")).isEqualTo("bob@example.com/desk");
    }

    @Test
    void fullJidItemBlocksOnlyThatResource() {
        TestSession alice = online("alice", "phone");
        TestSession desk = online("bob", "desk");
        TestSession mobile = online("bob", "mobile");
        block(alice, "bob@example.com/desk");

        server.send(desk, chat("alice@example.com/phone", "from desk"));
        server.send(mobile, chat("alice@example.com/phone", "from mobile"));

        assertThat(alice.drain()).extracting(e -> e.childText("body", "jabber:client")).containsExactly("from mobile");
    }

    @Test
    void domainItemBlocksEveryoneThereButNotTheServerOrTheAccountItself() {
        TestSession alice = online("alice", "phone");
        TestSession laptop = online("alice", "laptop");
        TestSession bob = online("bob", "desk");
        block(alice, "example.com");

        server.send(bob, chat("alice@example.com", "blocked"));
        server.send(laptop, chat("alice@example.com/phone", "mine"));
        Element ping = server.iq(alice, "get", "example.com", Element.empty("ping", PingModule.NAMESPACE));

        assertThat(ping.attr("type")).isEqualTo("result");
        assertThat(alice.drain(e -> e.name().equals("message"))).extracting(e -> e.childText("body", "jabber:client")).containsExactly("mine");
        assertThat(errorCondition(bob.drain().get(0))).isEqualTo("service-unavailable");
    }

    @Test
    void blockingAContactEndsPresenceBothWaysAndUnblockingRestoresIt() {
        friends("alice", "bob");
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "desk");
        alice.drain();
        bob.drain();

        block(alice, "bob@example.com");
        assertThat(presences(bob.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(presences(alice.drain(), "unavailable", "bob@example.com/desk")).hasSize(1);

        server.send(alice, Element.builder("presence", "jabber:client").textChild("show", "away").build());
        server.send(bob, Element.builder("presence", "jabber:client").textChild("show", "dnd").build());
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).isEmpty();
        assertThat(presences(alice.drain(), null, "bob@example.com/desk")).isEmpty();

        unblock(alice, "bob@example.com");
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).singleElement()
                .satisfies(p -> assertThat(p.childText("show", "jabber:client")).isEqualTo("away"));
        assertThat(presences(alice.drain(), null, "bob@example.com/desk")).singleElement()
                .satisfies(p -> assertThat(p.childText("show", "jabber:client")).isEqualTo("dnd"));
    }

    @Test
    void removingABlockedContactStillEndsTheSubscriptionOnBothSides() {
        server.account("bob");
        friends("alice", "bob");
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com");

        server.send(alice, presence("unsubscribed", "bob@example.com"));
        server.send(alice, presence("unsubscribe", "bob@example.com"));

        RosterStore rosters = server.store(RosterStore.class);
        assertThat(rosters.item("bob", Jid.of("alice@example.com")).map(RosterItem::subscription)).contains(Subscription.NONE);
        assertThat(rosters.item("alice", Jid.of("bob@example.com")).map(RosterItem::subscription)).contains(Subscription.NONE);
    }

    @Test
    void aBlockedContactLoggingInDoesNotSeeTheAccount() {
        friends("alice", "bob");
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com");

        TestSession bob = server.login("bob", "desk");
        server.send(bob, presence());

        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).isEmpty();
        assertThat(presences(alice.drain(), null, "bob@example.com/desk")).isEmpty();
    }

    @Test
    void theListSurvivesARestart() {
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com");
        server.close();

        server = newServer();
        TestSession again = online("alice", "phone");
        assertThat(blocklist(again)).containsExactly("bob@example.com");
        TestSession bob = online("bob", "desk");
        server.send(bob, chat("alice@example.com", "still blocked?"));
        assertThat(errorCondition(bob.drain().get(0))).isEqualTo("service-unavailable");
    }

    @Test
    void theListGoesWithItsAccount() {
        TestSession alice = online("alice", "phone");
        block(alice, "bob@example.com");
        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        assertThat(blocklist(alice)).isEmpty();
    }

    @Test
    void serverAnnouncesBlocking() {
        assertThat(server.disco().serverFeatures()).contains(NS);
    }

    @Test
    void itemsMatchByTheXep0016Rules() {
        Jid bobDesk = Jid.of("bob@example.com/desk");
        assertThat(Blocklist.matches(Jid.of("bob@example.com"), bobDesk)).isTrue();
        assertThat(Blocklist.matches(Jid.of("bob@example.com/desk"), bobDesk)).isTrue();
        assertThat(Blocklist.matches(Jid.of("bob@example.com/phone"), bobDesk)).isFalse();
        assertThat(Blocklist.matches(Jid.of("bob@example.com/desk"), Jid.of("bob@example.com"))).isFalse();
        assertThat(Blocklist.matches(Jid.of("example.com"), bobDesk)).isTrue();
        assertThat(Blocklist.matches(Jid.of("example.com"), Jid.of("example.com/x"))).isTrue();
        assertThat(Blocklist.matches(Jid.of("example.com/x"), Jid.of("example.com/x"))).isTrue();
        assertThat(Blocklist.matches(Jid.of("example.com/x"), Jid.of("bob@example.com/x"))).isFalse();
        assertThat(Blocklist.matches(Jid.of("other.example"), bobDesk)).isFalse();
    }
}
