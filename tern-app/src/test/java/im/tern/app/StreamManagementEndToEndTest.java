package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XEP-0198 with Smack's own implementation: acks per message id, and a dropped connection resumed. */
class StreamManagementEndToEndTest {
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    private XMPPTCPConnection managed(String user, String resource) throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config(user, "pw", resource).build());
        c.setUseStreamManagement(true);
        c.setUseStreamManagementResumption(true);
        c.connect().login();
        assertThat(c.isSmEnabled()).isTrue();
        return c;
    }

    @Test
    void everySentMessageIsAcknowledgedByItsId() throws Exception {
        XMPPTCPConnection alice = managed("alice", "acks");
        XMPPTCPConnection bob = tern.login("bob", "pw", "acks");
        BlockingQueue<Message> bobs = new java.util.concurrent.LinkedBlockingQueue<>();
        bob.addSyncStanzaListener(st -> bobs.add((Message) st), org.jivesoftware.smack.filter.StanzaTypeFilter.MESSAGE);
        int n = 50;
        CountDownLatch acked = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            Message m = org.jivesoftware.smack.packet.StanzaBuilder.buildMessage("ack-" + i)
                    .to(org.jxmpp.jid.impl.JidCreate.from("bob@tern.test/acks")).ofType(Message.Type.chat)
                    .setBody("m" + i).build();
            alice.addStanzaIdAcknowledgedListener(m.getStanzaId(), s -> acked.countDown());
            alice.sendStanza(m);
        }
        assertThat(acked.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < n; i++) assertThat(bobs.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("m" + i);
    }

    @Test
    void aDroppedConnectionResumesAndGetsExactlyWhatItMissed() throws Exception {
        XMPPTCPConnection alice = managed("alice", "phone");
        XMPPTCPConnection bob = tern.login("bob", "pw", "resume");
        List<String> got = new ArrayList<>();
        Set<String> unique = ConcurrentHashMap.newKeySet();
        alice.addSyncStanzaListener(s -> { // sync listeners see stanzas in arrival order
            synchronized (got) {
                got.add(((Message) s).getBody());
            }
            unique.add(((Message) s).getBody());
        }, org.jivesoftware.smack.filter.StanzaTypeFilter.MESSAGE);
        for (int i = 0; i < 20; i++) bob.sendStanza(MessagingEndToEndTest.chat("alice@tern.test/phone", "before " + i));
        awaitSize(unique, 20);

        alice.instantShutdown(); // no stream close: the server keeps the session for resumption
        for (int i = 0; i < 20; i++) bob.sendStanza(MessagingEndToEndTest.chat("alice@tern.test/phone", "away " + i));
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(bob).pingMyServer();

        alice.connect().login();
        assertThat(alice.streamWasResumed()).isTrue();
        awaitSize(unique, 40);
        Thread.sleep(300);
        synchronized (got) {
            assertThat(got).hasSize(40).doesNotHaveDuplicates();
            assertThat(got.subList(20, 40)).containsExactly(
                    java.util.stream.IntStream.range(0, 20).mapToObj(i -> "away " + i).toArray(String[]::new));
        }
    }

    private static void awaitSize(Set<String> set, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (set.size() < n && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(set).hasSize(n);
    }
}
