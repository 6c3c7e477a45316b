package im.tern.module.offline;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static im.tern.module.testing.TestStanzas.presence;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.module.archive.ArchiveModule;
import im.tern.module.archive.Delay;
import im.tern.module.archive.Ephemeral;
import im.tern.module.archive.StanzaIds;
import im.tern.module.presence.PresenceModule;
import im.tern.module.testing.ManualClock;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineModuleTest {
    static final String CLIENT = "jabber:client";

    @TempDir
    Path dir;
    ManualClock clock = new ManualClock();
    TestServer server;
    TestSession alice;

    @BeforeEach
    void start() {
        start(1000);
    }

    void start(int maxPerAccount) {
        if (server != null) server.close();
        server = new TestServer(dir, clock, new PresenceModule(), new ArchiveModule(365, Duration.ofMillis(20)),
                new OfflineModule(30, maxPerAccount, Duration.ofMillis(20)));
        server.account("bob");
        alice = server.login("alice", "phone");
        server.send(alice, presence());
        alice.drain();
    }

    @AfterEach
    void stop() { server.close(); }

    static Element chat(String to, String body, Element... more) {
        Element.Builder b = Element.builder("message", CLIENT).attr("type", "chat").attr("to", to).attr("id", "id-" + body)
                .child(Element.builder("body", CLIENT).text(body).build());
        for (Element m : more) b.child(m);
        return b.build();
    }

    void aliceSends(int n) {
        for (int i = 0; i < n; i++) server.send(alice, chat("bob@example.com", "m" + i));
    }

    /** Binds a resource and sends its initial presence, which sets off the delivery; returns the messages it got. */
    TestSession comesOnline(String resource) {
        TestSession s = server.login("bob", resource);
        server.send(s, presence());
        return s;
    }

    static List<String> bodies(List<Element> stanzas) {
        return stanzas.stream().filter(e -> e.name().equals("message")).map(e -> e.childText("body", CLIENT)).toList();
    }

    static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
    }

    MessageStore store() { return server.store(MessageStore.class); }

    int waiting() { return store().countOffline("bob"); }

    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition still false after 5 s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void messagesWaitingForAnAccountArriveInOrderOnceWithADelayAtItsInitialPresence() {
        aliceSends(450); // more than two batches
        assertThat(alice.drain()).isEmpty(); // stored, so no error
        assertThat(waiting()).isEqualTo(450);

        TestSession bob = server.login("bob", "phone");
        assertThat(bob.drain()).as("nothing before initial presence").isEmpty();
        server.send(bob, presence());

        List<Element> got = bob.drain(e -> e.name().equals("message"));
        assertThat(bodies(got)).isEqualTo(bodies(0, 450));
        assertThat(got).allSatisfy(m -> {
            Element delay = m.child("delay", Delay.NAMESPACE);
            assertThat(delay.attr("from")).isEqualTo("example.com");
            assertThat(Delay.parse(delay.attr("stamp"))).isEqualTo(clock.instant());
            assertThat(m.child("stanza-id", StanzaIds.NAMESPACE).attr("by")).isEqualTo("bob@example.com");
        });
        assertThat(waiting()).isZero();

        server.logout(bob);
        assertThat(bodies(comesOnline("desk").drain())).isEmpty();
    }

    @Test
    void aMessageToTheFullJidOfAGoneResourceWaitsForTheAccount() {
        server.send(alice, chat("bob@example.com/phone", "to the phone"));
        assertThat(bodies(comesOnline("desk").drain())).containsExactly("to the phone");
    }

    @Test
    void aMessageQueuedJustAfterTheCatchUpFinishedIsStillDelivered() {
        TestSession bob = comesOnline("phone"); // its catch-up found nothing and is over
        bob.drain();
        // Routed a moment before the presence made bob available, stored a moment after the catch-up ended.
        Element late = chat("bob@example.com", "late").withAttr("from", "alice@example.com/phone");
        server.fire(new Events.UndeliverableMessage(Stanza.of(late)));

        assertThat(bodies(bob.drain())).containsExactly("late");
        assertThat(waiting()).isZero();
    }

    @Test
    void chatStatesAloneAreNeitherStoredNorBounced() {
        server.send(alice, Element.builder("message", CLIENT).attr("type", "chat").attr("to", "bob@example.com")
                .child(Element.empty("composing", "http://jabber.org/protocol/chatstates")).build());
        assertThat(alice.drain()).isEmpty();
        assertThat(waiting()).isZero();
        assertThat(comesOnline("phone").drain(e -> e.name().equals("message"))).isEmpty();
    }

    @Test
    void receiptsAndMarkersWaitForTheSender() {
        TestSession bob = comesOnline("phone");
        server.send(alice, chat("bob@example.com", "hi"));
        server.logout(alice);
        server.send(bob, Element.builder("message", CLIENT).attr("to", "alice@example.com")
                .child(Element.builder("received", "urn:xmpp:receipts").attr("id", "id-hi").build()).build());
        server.send(bob, Element.builder("message", CLIENT).attr("type", "chat").attr("to", "alice@example.com")
                .child(Element.builder("displayed", "urn:xmpp:chat-markers:0").attr("id", "id-hi").build()).build());
        assertThat(bob.drain(e -> "error".equals(e.attr("type")))).isEmpty();

        TestSession back = server.login("alice", "laptop");
        server.send(back, presence());
        List<Element> got = back.drain(e -> e.name().equals("message"));
        assertThat(got).hasSize(2);
        assertThat(got.get(0).child("received", "urn:xmpp:receipts").attr("id")).isEqualTo("id-hi");
        assertThat(got.get(1).child("displayed", "urn:xmpp:chat-markers:0").attr("id")).isEqualTo("id-hi");
    }

    @Test
    void aFullQueueRefusesTheSenderWithResourceConstraint() {
        start(3);
        aliceSends(4);
        List<Element> errors = alice.drain();
        assertThat(errors).hasSize(1);
        assertThat(errorCondition(errors.get(0))).isEqualTo("resource-constraint");
        assertThat(errors.get(0).child("error", CLIENT).attr("type")).isEqualTo("wait");
        assertThat(errors.get(0).attr("id")).isEqualTo("id-m3");
        assertThat(bodies(comesOnline("phone").drain())).containsExactly("m0", "m1", "m2");
    }

    @Test
    void messagesOlderThanTheMaximumAgeExpireUndelivered() {
        aliceSends(1);
        clock.advance(Duration.ofDays(29));
        server.send(alice, chat("bob@example.com", "younger"));
        clock.advance(Duration.ofDays(2));

        assertThat(bodies(comesOnline("phone").drain())).containsExactly("younger");
        eventually(() -> waiting() == 0);
    }

    @Test
    void theSweeperRemovesExpiredMessages() {
        aliceSends(2);
        clock.advance(Duration.ofDays(31));
        eventually(() -> waiting() == 0);
    }

    @Test
    void aDisappearingMessageIsNotDeliveredOnceItsTimerRanOut() {
        Element timer = Element.builder(Ephemeral.ELEMENT, Ephemeral.NAMESPACE).attr("timer", "60").build();
        server.send(alice, chat("bob@example.com", "gone soon", timer));
        server.send(alice, chat("bob@example.com", "stays"));
        clock.advance(Duration.ofSeconds(61));

        assertThat(bodies(comesOnline("phone").drain())).containsExactly("stays");
        eventually(() -> waiting() == 0);
    }

    @Test
    void messagesLeaveTheQueueOnlyOnceTheClientAcknowledgedThem() {
        aliceSends(3);
        TestSession bob = server.login("bob", "phone");
        bob.holdAcks();
        server.send(bob, presence());
        assertThat(bodies(bob.drain())).containsExactly("m0", "m1", "m2");
        assertThat(waiting()).isEqualTo(3);

        bob.acknowledge(2);
        server.awaitQuiet();
        assertThat(waiting()).as("a batch leaves once all of it is acknowledged").isEqualTo(3);
        bob.acknowledge(1);
        server.awaitQuiet();
        assertThat(waiting()).isZero();
    }

    @Test
    void whatTheClientNeverAcknowledgedWaitsForItsNextSession() {
        aliceSends(5);
        TestSession bob = server.login("bob", "phone");
        bob.holdAcks();
        server.send(bob, presence());
        bob.acknowledge(2);
        bob.dropUnacknowledged();
        server.awaitQuiet();
        server.logout(bob);
        assertThat(waiting()).isEqualTo(3);

        assertThat(bodies(comesOnline("desk").drain())).containsExactly("m2", "m3", "m4");
        assertThat(waiting()).isZero();
    }

    @Test
    void newMessagesDoNotOvertakeTheQueueWhileItDrains() {
        aliceSends(250);
        TestSession bob = server.login("bob", "phone");
        bob.holdAcks();
        server.send(bob, presence());
        assertThat(bodies(bob.drain())).isEqualTo(bodies(0, 200));

        server.send(alice, chat("bob@example.com", "new"));
        assertThat(alice.drain()).isEmpty();
        assertThat(bob.drain()).as("the new message waits behind the queue").isEmpty();

        bob.acknowledge(200);
        server.awaitQuiet();
        List<String> rest = bodies(bob.drain());
        assertThat(rest).hasSize(51).endsWith("new").startsWith("m200");
        bob.acknowledge(51);
        server.awaitQuiet();
        assertThat(waiting()).isZero();

        server.send(alice, chat("bob@example.com", "live"));
        List<Element> live = bob.drain();
        assertThat(bodies(live)).containsExactly("live");
        assertThat(live.get(0).child("delay", Delay.NAMESPACE)).isNull();
    }

    @Test
    void aMessageForAnotherOnlineResourceIsNotHeldBack() {
        aliceSends(1);
        TestSession phone = server.login("bob", "phone");
        phone.holdAcks();
        server.send(phone, presence());
        TestSession desk = server.login("bob", "desk");

        server.send(alice, chat("bob@example.com/desk", "for the desk"));
        assertThat(bodies(desk.drain())).containsExactly("for the desk");
    }

    @Test
    void withAnotherDeviceOnlineNewMessagesReachEveryDevice() {
        TestSession phone = comesOnline("phone");
        store().storeOffline("bob", chat("bob@example.com", "left over").withAttr("from", "alice@example.com/phone").toXml(),
                clock.instant(), null, 10);

        TestSession desk = server.login("bob", "desk");
        desk.holdAcks();
        server.send(desk, presence());
        assertThat(bodies(desk.drain())).containsExactly("left over");

        server.send(alice, chat("bob@example.com", "to both"));
        assertThat(bodies(phone.drain())).containsExactly("to both");
        assertThat(bodies(desk.drain())).containsExactly("to both");
    }

    @Test
    void aMessageASessionNeverAcknowledgedIsStoredAgain() {
        TestSession bob = comesOnline("phone");
        bob.drain();
        server.send(alice, chat("bob@example.com", "unlucky"));
        Element delivered = bob.drain().get(0);
        server.logout(bob);

        server.fire(new Events.UnacknowledgedMessage(bob, Stanza.of(delivered)));
        assertThat(waiting()).isEqualTo(1);

        List<Element> got = comesOnline("desk").drain(e -> e.name().equals("message"));
        assertThat(bodies(got)).containsExactly("unlucky");
        assertThat(got.get(0).elements("stanza-id", StanzaIds.NAMESPACE)).hasSize(1);
    }

    @Test
    void anOfflineMessageStillInTheQueueIsNotStoredTwice() {
        aliceSends(1);
        TestSession bob = server.login("bob", "phone");
        bob.holdAcks();
        server.send(bob, presence());
        Element delivered = bob.drain(e -> e.name().equals("message")).get(0);

        server.fire(new Events.UnacknowledgedMessage(bob, Stanza.of(delivered)));
        assertThat(waiting()).isEqualTo(1);
    }

    @Test
    void transientMessagesASessionNeverAcknowledgedAreDropped() {
        TestSession bob = comesOnline("phone");
        Element composing = Element.builder("message", CLIENT).attr("type", "chat").attr("to", "bob@example.com")
                .attr("from", "alice@example.com/phone").child(Element.empty("composing", "http://jabber.org/protocol/chatstates")).build();
        server.fire(new Events.UnacknowledgedMessage(bob, Stanza.of(composing)));
        assertThat(waiting()).isZero();
    }

    @Test
    void aDeletedAccountsQueueGoesWithIt() {
        aliceSends(3);
        server.fire(new Events.AccountDeleted(Jid.of("bob@example.com")));
        assertThat(waiting()).isZero();
    }

    @Test
    void theServerAdvertisesOfflineStorage() {
        assertThat(server.disco().serverFeatures()).contains(OfflineModule.FEATURE);
    }
}
