package im.tern.app.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.tern.app.RunningTern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** go-sendxmpp, the Debian command-line client, against a real Tern over STARTTLS, with Smack on the other end. */
@Timeout(120)
class GoSendxmppTest {
    @TempDir Path home;
    RunningTern tern;
    GoSendxmpp sendxmpp;

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "alice-pw");
        tern.addUser("bob", "bob-pw");
        sendxmpp = new GoSendxmpp(home, tern.server.c2sPort());
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    @Test
    void goSendxmppDeliversAMessageToASmackUser() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "bob-pw", "smack");
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> inbox.add((Message) s), StanzaTypeFilter.MESSAGE);

        int exit = sendxmpp.send("alice@tern.test", "alice-pw", "bob@tern.test", "hello from go-sendxmpp");

        assertThat(exit).as("go-sendxmpp exit code").isZero();
        Message m = inbox.poll(20, TimeUnit.SECONDS);
        assertThat(m).as("message from go-sendxmpp").isNotNull();
        assertThat(m.getBody()).isEqualTo("hello from go-sendxmpp");
        assertThat(m.getFrom().asBareJid().toString()).isEqualTo("alice@tern.test");
        assertThat(m.getFrom().hasResource()).as("from is alice's full JID: " + m.getFrom()).isTrue();
    }

    @Test
    void goSendxmppRefusesAWrongPassword() throws Exception {
        int exit = sendxmpp.send("alice@tern.test", "not-the-password", "bob@tern.test", "should not go");

        assertThat(exit).as("go-sendxmpp exit code with a wrong password").isNotZero();
    }

    @Test
    void goSendxmppReceivesAMessage() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "alice-pw", "smack");
        try (ExternalProcess listener = sendxmpp.listen("bob@tern.test", "bob-pw")) {
            // Online once the server echoes its initial presence back to it.
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.output().contains("<presence"));

            alice.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("bob@tern.test"))
                    .ofType(Message.Type.chat).setBody("hello listener").build());

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(listener.output()).contains("alice@tern.test: hello listener"));
        }
    }
}
