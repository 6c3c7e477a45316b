package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.ChatStateManager;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0085 chat states: they reach an online peer and are never kept for an offline one. */
class ChatStatesEndToEndTest {
    RunningTern tern;

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static List<Message> drain(BlockingQueue<Message> q, long millis) throws InterruptedException {
        List<Message> out = new ArrayList<>();
        for (Message m; (m = q.poll(millis, TimeUnit.MILLISECONDS)) != null; ) out.add(m);
        return out;
    }

    @Test
    void composingReachesAnOnlinePeer() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        PingManager.getInstanceFor(bob).pingMyServer(); // bob's initial presence has been taken
        assertThat(ServiceDiscoveryManager.getInstanceFor(alice).serverSupportsFeature(ChatStateManager.NAMESPACE)).isTrue();
        BlockingQueue<ChatState> states = new LinkedBlockingQueue<>();
        ChatStateManager.getInstance(bob).addChatStateListener((chat, state, message) -> states.add(state));

        ChatStateManager.getInstance(alice).setCurrentState(ChatState.composing,
                ChatManager.getInstanceFor(alice).chatWith(JidCreate.entityBareFrom("bob@tern.test")));

        assertThat(states.poll(10, TimeUnit.SECONDS)).isEqualTo(ChatState.composing);
    }

    @Test
    void composingForAnOfflineUserIsDroppedSilentlyAndNeverDeliveredLater() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        BlockingQueue<Message> bobInbox = inbox(bob);

        bob.sendStanza(StanzaBuilder.buildMessage("composing-1").to(JidCreate.from("alice@tern.test"))
                .ofType(Message.Type.chat).addExtension(new ChatStateExtension(ChatState.composing)).build());
        bob.sendStanza(StanzaBuilder.buildMessage("body-1").to(JidCreate.from("alice@tern.test"))
                .ofType(Message.Type.chat).setBody("call me").build());
        PingManager.getInstanceFor(bob).pingMyServer();

        // No error for the chat state (the body may bounce or be stored, as offline handling decides).
        assertThat(drain(bobInbox, 500)).extracting(Message::getStanzaId).doesNotContain("composing-1");

        XMPPTCPConnection alice = tern.connection(tern.config("alice", "pw", "phone").build());
        BlockingQueue<Message> aliceInbox = inbox(alice); // before login: offline delivery comes right after it
        alice.connect().login();
        PingManager.getInstanceFor(alice).pingMyServer();
        assertThat(drain(aliceInbox, 500)).noneMatch(m -> m.hasExtension(ChatStateExtension.NAMESPACE));
    }
}
