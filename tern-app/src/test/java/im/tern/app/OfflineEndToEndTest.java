package im.tern.app;

import static im.tern.app.Traffic.awaitSessions;
import static im.tern.app.Traffic.chat;
import static im.tern.app.Traffic.inbox;
import static im.tern.app.Traffic.loginWithInbox;
import static im.tern.app.Traffic.quietFor;
import static im.tern.app.Traffic.take;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** XEP-0160 offline storage with real clients: order, delays, receipts and markers, the limit, expiry. */
class OfflineEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    RunningTern tern;

    @AfterEach
    void stop() {
        if (tern != null) tern.close();
    }

    void start(java.util.function.Consumer<TernConfig> tweak, java.time.Clock clock) throws Exception {
        tern = RunningTern.start(tweak, clock);
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    /** Sends, then waits for a ping answer: the server handles a client's stanzas in order, so all are stored by then. */
    static void sendAll(XMPPTCPConnection from, List<Message> messages) throws Exception {
        for (Message m : messages) from.sendStanza(m);
        assertThat(PingManager.getInstanceFor(from).pingMyServer(true)).isTrue();
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    @Test
    void aThousandMessagesForAnOfflineUserArriveInOrderExactlyOnceEachWithADelay() throws Exception {
        start(cfg -> {}, java.time.Clock.systemUTC());
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        BlockingQueue<Message> aliceInbox = inbox(alice);
        List<String> sent = IntStream.range(0, 1000).mapToObj(i -> "message " + i).toList();
        sendAll(alice, sent.stream().map(b -> {
            try {
                return chat("bob@tern.test", b);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        assertThat(aliceInbox).as("no bounces").isEmpty();

        Traffic.Logged bob = loginWithInbox(tern, "bob", "phone");
        List<Message> got = take(bob.inbox(), 1000, Duration.ofSeconds(60));
        assertThat(bodies(got)).isEqualTo(sent);
        assertThat(new HashSet<>(bodies(got))).hasSize(1000);
        assertThat(got).allSatisfy(m -> {
            DelayInformation delay = DelayInformation.from(m);
            assertThat(delay).isNotNull();
            assertThat(delay.getFrom()).isEqualTo("tern.test");
            assertThat(m.getFrom().toString()).isEqualTo("alice@tern.test/phone");
        });
        assertThat(quietFor(bob.inbox(), Duration.ofMillis(500))).as("nothing twice").isEmpty();

        bob.connection().disconnect();
        awaitSessions(tern, 1);
        Traffic.Logged again = loginWithInbox(tern, "bob", "tablet");
        assertThat(PingManager.getInstanceFor(again.connection()).pingMyServer(true)).isTrue();
        assertThat(quietFor(again.inbox(), Duration.ofMillis(500))).as("delivered once, then gone").isEmpty();
    }

    @Test
    void aReceiptAndADisplayedMarkerReachTheSenderWhenItComesBack() throws Exception {
        start(cfg -> {}, java.time.Clock.systemUTC());
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        Traffic.Logged bob = loginWithInbox(tern, "bob", "phone");
        Message hello = chat("bob@tern.test", "hello", new DeliveryReceiptRequest(), ChatMarkersElements.MarkableExtension.INSTANCE);
        alice.sendStanza(hello);
        Message received = take(bob.inbox(), 1, WAIT).get(0);
        alice.disconnect();
        awaitSessions(tern, 1);

        XMPPTCPConnection b = bob.connection();
        b.sendStanza(chat("alice@tern.test", null, new DeliveryReceipt(received.getStanzaId())));
        b.sendStanza(chat("alice@tern.test", null, new ChatMarkersElements.DisplayedExtension(received.getStanzaId())));
        assertThat(PingManager.getInstanceFor(b).pingMyServer(true)).isTrue();
        assertThat(quietFor(bob.inbox(), Duration.ofMillis(100))).as("no errors").isEmpty();

        Traffic.Logged back = loginWithInbox(tern, "alice", "laptop");
        List<Message> got = take(back.inbox(), 2, WAIT);
        assertThat(DeliveryReceipt.from(got.get(0)).getId()).isEqualTo(hello.getStanzaId());
        assertThat(ChatMarkersElements.DisplayedExtension.from(got.get(1)).getId()).isEqualTo(hello.getStanzaId());
        assertThat(got).allSatisfy(m -> assertThat(DelayInformation.from(m)).isNotNull());
    }

    @Test
    void pastTheLimitTheSenderGetsResourceConstraint() throws Exception {
        start(cfg -> cfg.messages.offlineMaxPerAccount = 5, java.time.Clock.systemUTC());
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        BlockingQueue<Message> aliceInbox = inbox(alice);
        for (int i = 0; i < 6; i++) alice.sendStanza(chat("bob@tern.test", "m" + i));

        Message error = take(aliceInbox, 1, WAIT).get(0);
        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
        assertThat(error.getError().getType()).isEqualTo(StanzaError.Type.WAIT);

        Traffic.Logged bob = loginWithInbox(tern, "bob", "phone");
        assertThat(bodies(take(bob.inbox(), 5, WAIT))).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(quietFor(bob.inbox(), Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void aMessageOlderThanThirtyDaysIsNeverDelivered() throws Exception {
        TestClock clock = new TestClock();
        start(cfg -> {}, clock);
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        sendAll(alice, List.of(chat("bob@tern.test", "too old")));
        clock.advance(Duration.ofDays(31));
        sendAll(alice, List.of(chat("bob@tern.test", "fresh")));

        Traffic.Logged bob = loginWithInbox(tern, "bob", "phone");
        assertThat(bodies(take(bob.inbox(), 1, WAIT))).containsExactly("fresh");
        assertThat(quietFor(bob.inbox(), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void chatStatesAloneAreNotStored() throws Exception {
        start(cfg -> {}, java.time.Clock.systemUTC());
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        BlockingQueue<Message> aliceInbox = inbox(alice);
        sendAll(alice, List.of(chat("bob@tern.test", null, new ChatStateExtension(ChatState.composing)),
                chat("bob@tern.test", "the text", new ChatStateExtension(ChatState.active)),
                chat("bob@tern.test", null, new ChatStateExtension(ChatState.paused))));
        assertThat(aliceInbox).as("dropped, not bounced").isEmpty();

        Traffic.Logged bob = loginWithInbox(tern, "bob", "phone");
        List<Message> got = take(bob.inbox(), 1, WAIT);
        assertThat(bodies(got)).containsExactly("the text");
        assertThat(quietFor(bob.inbox(), Duration.ofMillis(500))).isEmpty();
    }
}
