package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.address.MultipleRecipientInfo;
import org.jivesoftware.smackx.address.MultipleRecipientManager;
import org.jivesoftware.smackx.address.packet.MultipleAddresses;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0033 broadcast lists with Smack's MultipleRecipientManager: one send, one message per recipient. */
class BroadcastEndToEndTest {
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start();
        for (String user : List.of("alice", "bob", "carol", "dave")) tern.addUser(user, "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) throws Exception {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        PingManager.getInstanceFor(c).pingMyServer(); // the initial presence has been taken
        return q;
    }

    static Jid jid(String s) throws Exception { return JidCreate.from(s); }

    @Test
    void oneSendReachesThreeRecipientsAsSeparateMessages() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        Map<String, BlockingQueue<Message>> inboxes = Map.of(
                "bob@tern.test", inbox(tern.login("bob", "pw", "b")),
                "carol@tern.test", inbox(tern.login("carol", "pw", "c")),
                "dave@tern.test", inbox(tern.login("dave", "pw", "d")));

        Message message = StanzaBuilder.buildMessage("bc-1").ofType(Message.Type.chat).setBody("party at eight").build();
        MultipleRecipientManager.send(alice, message, List.of(jid("bob@tern.test"), jid("carol@tern.test")), null,
                List.of(jid("dave@tern.test")));

        for (Map.Entry<String, BlockingQueue<Message>> e : inboxes.entrySet()) {
            Message m = e.getValue().poll(10, TimeUnit.SECONDS);
            assertThat(m).as(e.getKey()).isNotNull();
            assertThat(m.getBody()).isEqualTo("party at eight");
            assertThat(m.getFrom().toString()).isEqualTo("alice@tern.test/phone");
            assertThat(m.getTo().toString()).isEqualTo(e.getKey());
            MultipleRecipientInfo info = MultipleRecipientManager.getMultipleRecipientInfo(m);
            assertThat(info).isNotNull();
            assertThat(info.getTOAddresses()).extracting(a -> a.getJid().toString())
                    .containsExactly("bob@tern.test", "carol@tern.test");
            assertThat(info.getTOAddresses()).allMatch(MultipleAddresses.Address::isDelivered);
            assertThat(info.getCCAddresses()).isEmpty();
            assertThat(m.getExtension(MultipleAddresses.class).getAddressesOfType(MultipleAddresses.Type.bcc)).isEmpty();
            assertThat(e.getValue().poll(300, TimeUnit.MILLISECONDS)).as("one copy each").isNull();
        }
    }
}
