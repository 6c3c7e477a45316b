package im.tern.module.presence;

import static im.tern.module.testing.TestStanzas.presence;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.module.roster.RosterModule;
import im.tern.module.roster.RosterXml;
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

class PresenceModuleTest {
    static final Jid ALICE = Jid.of("alice@example.com");
    static final Jid BOB = Jid.of("bob@example.com");
    static final Jid CAROL = Jid.of("carol@example.com");

    @TempDir
    Path dir;
    TestServer server;
    RosterStore rosters;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new RosterModule(), new PresenceModule());
        rosters = server.store(RosterStore.class);
        for (String user : List.of("alice", "bob", "carol")) server.account(user);
    }

    @AfterEach
    void stop() { server.close(); }

    /** Logs in, fetches the roster (so pushes arrive) and sends initial presence. */
    TestSession online(String user, String resource) {
        TestSession s = server.login(user, resource);
        server.iq(s, "get", null, Element.empty("query", RosterXml.NAMESPACE));
        server.send(s, presence());
        return s;
    }

    void item(Jid owner, Jid contact, Subscription subscription) {
        rosters.put(owner.local(), new RosterItem(contact, null, subscription, false, Set.of()));
    }

    void friends(Jid a, Jid b) {
        item(a, b, Subscription.BOTH);
        item(b, a, Subscription.BOTH);
    }

    Subscription subscription(Jid owner, Jid contact) {
        return rosters.item(owner.local(), contact).map(RosterItem::subscription).orElse(null);
    }

    static List<Element> presences(List<Element> received, String type, String from) {
        return received.stream().filter(e -> e.name().equals("presence")
                && Objects.equals(e.attr("type"), type) && Objects.equals(e.attr("from"), from)).toList();
    }

    static List<Element> pushes(List<Element> received) {
        return received.stream().filter(e -> e.name().equals("iq") && "set".equals(e.attr("type")))
                .map(e -> e.child("query", RosterXml.NAMESPACE).child("item", RosterXml.NAMESPACE)).toList();
    }

    @Test
    void subscriptionHandshakeEndsInBoth() {
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        alice.drain();
        bob.drain();

        server.send(alice, presence("subscribe", "bob@example.com"));
        assertThat(pushes(alice.drain())).singleElement().satisfies(i -> {
            assertThat(i.attr("subscription")).isEqualTo("none");
            assertThat(i.attr("ask")).isEqualTo("subscribe");
        });
        assertThat(presences(bob.drain(), "subscribe", "alice@example.com")).hasSize(1);

        server.send(bob, presence("subscribed", "alice@example.com"));
        List<Element> toAlice = alice.drain();
        assertThat(presences(toAlice, "subscribed", "bob@example.com")).hasSize(1);
        assertThat(presences(toAlice, null, "bob@example.com/laptop")).as("bob's presence follows approval").hasSize(1);
        assertThat(pushes(toAlice)).extracting(i -> i.attr("subscription")).containsExactly("to");
        assertThat(pushes(bob.drain())).extracting(i -> i.attr("subscription")).containsExactly("from");

        server.send(bob, presence("subscribe", "alice@example.com"));
        assertThat(presences(alice.drain(), "subscribe", "bob@example.com")).hasSize(1);
        server.send(alice, presence("subscribed", "bob@example.com"));
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).hasSize(1);

        assertThat(subscription(ALICE, BOB)).isEqualTo(Subscription.BOTH);
        assertThat(subscription(BOB, ALICE)).isEqualTo(Subscription.BOTH);
        assertThat(rosters.pendingIn("alice")).isEmpty();
        assertThat(rosters.pendingIn("bob")).isEmpty();
    }

    @Test
    void pendingSubscriptionRequestIsRedeliveredOnLogin() {
        TestSession alice = online("alice", "phone");
        server.send(alice, Element.builder("presence", "jabber:client").attr("type", "subscribe").attr("to", "bob@example.com")
                .child(Element.builder("nick", "http://jabber.org/protocol/nick").text("Alice").build()).build());
        assertThat(rosters.pendingIn("bob")).containsOnlyKeys(ALICE);
        assertThat(rosters.item("bob", ALICE)).as("a request alone adds no roster item").isEmpty();

        TestSession bob = online("bob", "phone");
        List<Element> requests = presences(bob.drain(), "subscribe", "alice@example.com");
        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.childText("nick", "http://jabber.org/protocol/nick")).isEqualTo("Alice"));

        server.logout(bob);
        TestSession again = online("bob", "tablet");
        assertThat(presences(again.drain(), "subscribe", "alice@example.com")).as("until answered").hasSize(1);
    }

    @Test
    void initialPresenceIsBroadcastToSubscribersOnlyAndProbesContacts() {
        friends(ALICE, BOB);
        TestSession bob = online("bob", "laptop");
        TestSession carol = online("carol", "desk");
        bob.drain();
        carol.drain();

        TestSession alice = online("alice", "phone");
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).hasSize(1);
        assertThat(carol.drain()).isEmpty();
        List<Element> toAlice = alice.drain();
        assertThat(presences(toAlice, null, "bob@example.com/laptop")).as("answer to the probe").hasSize(1);
        assertThat(presences(toAlice, null, "alice@example.com/phone")).as("own presence comes back").hasSize(1);
    }

    @Test
    void newResourceLearnsItsSiblingsAndTheyLearnIt() {
        TestSession phone = online("alice", "phone");
        phone.drain();
        TestSession laptop = online("alice", "laptop");
        assertThat(presences(laptop.drain(), null, "alice@example.com/phone")).hasSize(1);
        assertThat(presences(phone.drain(), null, "alice@example.com/laptop")).hasSize(1);
    }

    @Test
    void unavailableIsBroadcastWhenSessionCloses() {
        friends(ALICE, BOB);
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        bob.drain();
        server.logout(alice);
        assertThat(presences(bob.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
    }

    @Test
    void closingASessionThatNeverSentPresenceBroadcastsNothing() {
        friends(ALICE, BOB);
        TestSession alice = server.login("alice", "phone");
        TestSession bob = online("bob", "laptop");
        bob.drain();
        server.logout(alice);
        assertThat(bob.drain()).isEmpty();
    }

    @Test
    void directedPresenceRecipientGetsUnavailableOnLogout() {
        TestSession alice = online("alice", "phone");
        TestSession carol = online("carol", "desk");
        carol.drain();
        server.send(alice, presence(null, "carol@example.com/desk"));
        assertThat(presences(carol.drain(), null, "alice@example.com/phone")).hasSize(1);
        server.logout(alice);
        assertThat(presences(carol.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
    }

    @Test
    void presenceUpdateKeepsEntityCapsUntouched() {
        friends(ALICE, BOB);
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        bob.drain();
        Element caps = Element.builder("c", "http://jabber.org/protocol/caps").attr("hash", "sha-1")
                .attr("node", "https://conversations.im").attr("ver", "q07IKJEyjvHSyhy//CH0CxmKi8w=").build();
        server.send(alice, Element.builder("presence", "jabber:client").child(caps).textChild("show", "away").build());
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).singleElement().satisfies(p -> {
            assertThat(p.child("c", "http://jabber.org/protocol/caps")).isEqualTo(caps);
            assertThat(p.childText("show", "jabber:client")).isEqualTo("away");
        });
        assertThat(alice.presence().child("c", "http://jabber.org/protocol/caps")).isEqualTo(caps);
    }

    @Test
    void priorityOfThePresenceIsWhatTheSessionReports() {
        TestSession alice = online("alice", "phone");
        server.send(alice, Element.builder("presence", "jabber:client").textChild("priority", "-5").build());
        assertThat(alice.priority()).isEqualTo(-5);
        server.send(alice, presence("unavailable", null));
        assertThat(alice.available()).isFalse();
    }

    @Test
    void subscribeFromAContactAlreadySubscribedIsApprovedAutomatically() {
        item(ALICE, BOB, Subscription.FROM);
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        alice.drain();
        bob.drain();
        server.send(bob, presence("subscribe", "alice@example.com"));
        assertThat(presences(bob.drain(), "subscribed", "alice@example.com")).hasSize(1);
        assertThat(presences(alice.drain(), "subscribe", "bob@example.com")).isEmpty();
        assertThat(subscription(BOB, ALICE)).isEqualTo(Subscription.TO);
    }

    @Test
    void staleSubscriptionIsCorrectedWhenTheProbeIsRefused() {
        item(CAROL, ALICE, Subscription.TO);
        online("alice", "phone");
        TestSession carol = online("carol", "desk");
        assertThat(presences(carol.drain(), "unsubscribed", "alice@example.com")).hasSize(1);
        assertThat(subscription(CAROL, ALICE)).isEqualTo(Subscription.NONE);
    }

    @Test
    void probeForAnAccountWithNoAvailableResourceIsAnsweredUnavailable() {
        friends(ALICE, BOB);
        TestSession alice = online("alice", "phone");
        alice.drain();
        server.deliver(Stanza.of(presence("probe", "bob@example.com").withAttr("from", "alice@example.com")));
        assertThat(presences(alice.drain(), "unavailable", "bob@example.com")).hasSize(1);
    }

    @Test
    void cancellingASubscriptionSendsUnavailable() {
        friends(ALICE, BOB);
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        bob.drain();
        server.send(alice, presence("unsubscribed", "bob@example.com"));
        List<Element> toBob = bob.drain();
        assertThat(presences(toBob, "unsubscribed", "alice@example.com")).hasSize(1);
        assertThat(presences(toBob, "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(subscription(ALICE, BOB)).isEqualTo(Subscription.TO);
        assertThat(subscription(BOB, ALICE)).isEqualTo(Subscription.FROM);
    }

    @Test
    void removingAContactCancelsBothSubscriptions() {
        friends(ALICE, BOB);
        TestSession alice = online("alice", "phone");
        TestSession bob = online("bob", "laptop");
        bob.drain();
        server.iq(alice, "set", null, Element.builder("query", RosterXml.NAMESPACE).child(Element.builder("item", RosterXml.NAMESPACE)
                .attr("jid", "bob@example.com").attr("subscription", "remove").build()).build());
        List<Element> toBob = bob.drain();
        assertThat(presences(toBob, "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(pushes(toBob)).extracting(i -> i.attr("subscription")).last().isEqualTo("none");
        assertThat(subscription(ALICE, BOB)).isNull();
        assertThat(subscription(BOB, ALICE)).isEqualTo(Subscription.NONE);
    }

    @Test
    void subscribingToAnotherDomainKeepsTheRequestPending() {
        TestSession alice = online("alice", "phone");
        server.send(alice, presence("subscribe", "erin@elsewhere.org"));
        assertThat(rosters.item("alice", Jid.of("erin@elsewhere.org")).orElseThrow().askSubscribe()).isTrue();
    }

    @Test
    void unavailableFromTheClientReachesSubscribersAndSiblings() {
        friends(ALICE, BOB);
        TestSession phone = online("alice", "phone");
        TestSession laptop = online("alice", "laptop");
        TestSession bob = online("bob", "desk");
        bob.drain();
        laptop.drain();
        server.send(phone, presence("unavailable", null));
        assertThat(presences(bob.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(presences(laptop.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(phone.available()).isFalse();
        server.logout(phone);
        assertThat(bob.drain()).as("already told").isEmpty();
    }

    @Test
    void deniedSubscriptionRequestIsNotRedelivered() {
        TestSession alice = online("alice", "phone");
        server.send(alice, presence("subscribe", "bob@example.com"));
        TestSession bob = online("bob", "laptop");
        bob.drain();
        alice.drain();
        server.send(bob, presence("unsubscribed", "alice@example.com"));
        assertThat(presences(alice.drain(), "unsubscribed", "bob@example.com")).hasSize(1);
        assertThat(rosters.item("alice", BOB).orElseThrow().askSubscribe()).isFalse();
        server.logout(bob);
        TestSession again = online("bob", "laptop");
        assertThat(presences(again.drain(), "subscribe", "alice@example.com")).isEmpty();
    }

    @Test
    void removingAContactWhoAskedDeniesTheRequest() {
        TestSession alice = online("alice", "phone");
        server.send(alice, presence("subscribe", "bob@example.com"));
        TestSession bob = online("bob", "laptop");
        alice.drain();
        server.iq(bob, "set", null, Element.builder("query", RosterXml.NAMESPACE).child(Element.builder("item", RosterXml.NAMESPACE)
                .attr("jid", "alice@example.com").attr("subscription", "remove").build()).build());
        assertThat(presences(alice.drain(), "unsubscribed", "bob@example.com")).hasSize(1);
        assertThat(rosters.pendingIn("bob")).isEmpty();
    }
}
