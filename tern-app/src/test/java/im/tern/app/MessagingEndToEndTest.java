package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** One-to-one messages between real clients: routing by RFC 6121, stamping, and bounces. */
class MessagingEndToEndTest {
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        tern.addUser("carol", "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static Message chat(String to, String body) throws Exception {
        return org.jivesoftware.smack.packet.StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void messageToBareJidReachesEveryAvailableResource() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "a1");
        XMPPTCPConnection bobPhone = tern.login("bob", "pw", "phone");
        XMPPTCPConnection bobDesk = tern.login("bob", "pw", "desk");
        BlockingQueue<Message> phone = inbox(bobPhone);
        BlockingQueue<Message> desk = inbox(bobDesk);
        // login() returns before the server has taken the initial presence; a round trip on each
        // connection makes both resources available before alice's message is routed.
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(bobPhone).pingMyServer();
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(bobDesk).pingMyServer();

        alice.sendStanza(chat("bob@tern.test", "hello bob"));

        for (BlockingQueue<Message> q : java.util.List.of(phone, desk)) {
            Message m = q.poll(10, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            assertThat(m.getBody()).isEqualTo("hello bob");
            assertThat(m.getFrom().toString()).isEqualTo("alice@tern.test/a1");
        }
    }

    @Test
    void twoResourcesOfOneUserTalkToEachOther() throws Exception {
        XMPPTCPConnection laptop = tern.login("carol", "pw", "laptop");
        XMPPTCPConnection phone = tern.login("carol", "pw", "phone");
        BlockingQueue<Message> toPhone = inbox(phone);

        laptop.sendStanza(chat("carol@tern.test/phone", "note to self"));

        Message m = toPhone.poll(10, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getBody()).isEqualTo("note to self");
        assertThat(m.getFrom().toString()).isEqualTo("carol@tern.test/laptop");
    }

    @Test
    void forgedFromIsReplacedByTheSendersAddress() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "forger");
        XMPPTCPConnection bob = tern.login("bob", "pw", "victim");
        BlockingQueue<Message> q = inbox(bob);

        Message forged = org.jivesoftware.smack.packet.StanzaBuilder.buildMessage().from(JidCreate.from("alice@tern.test")).to(JidCreate.from("bob@tern.test/victim"))
                .ofType(Message.Type.chat).setBody("from alice, really").build();
        alice.sendStanza(forged);

        Message m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getFrom().toString()).isEqualTo("alice@tern.test/forger");
    }

    @Test
    void messageToUnknownAccountBouncesServiceUnavailable() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "bounce1");
        BlockingQueue<Message> q = inbox(alice);

        alice.sendStanza(chat("nobody@tern.test", "anyone?"));

        Message m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getType()).isEqualTo(Message.Type.error);
        assertThat(m.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
    }

    @Test
    void messageToAnotherDomainBouncesRemoteServerNotFound() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "bounce2");
        BlockingQueue<Message> q = inbox(alice);

        alice.sendStanza(chat("someone@elsewhere.example", "hi"));

        Message m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_not_found);
    }
}
