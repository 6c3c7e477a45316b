package im.tern.server;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.TestServer;
import im.tern.server.testing.TrustAll;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.io.TempDir;

/** A real client library: Smack logs in over STARTTLS with each SASL mechanism it has, and messages flow. */
class SmackLoginTest {
    @TempDir static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        SASLAuthentication.unBlacklistSASLMechanism("PLAIN");
    }

    @AfterAll
    static void stop() { server.close(); }

    private static XMPPTCPConnection connect(String user, String resource, String mechanism) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(TestServer.DOMAIN)
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(server.port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TrustAll.manager())
                .setHostnameVerifier((host, session) -> true)
                .setUsernameAndPassword(user, TestServer.PASSWORD)
                .setResource(resource)
                .addEnabledSaslMechanism(mechanism)
                .build();
        XMPPTCPConnection c = new XMPPTCPConnection(config);
        c.connect().login();
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "PLAIN"})
    void logsInAndExchangesMessages(String mechanism) throws Exception {
        XMPPTCPConnection alice = connect("alice", "smack-" + mechanism, mechanism);
        XMPPTCPConnection bob = connect("bob", "smack-" + mechanism, mechanism);
        try {
            assertThat(alice.isSecureConnection()).isTrue();
            assertThat(alice.getUser().toString()).isEqualTo("alice@tern.test/smack-" + mechanism);
            BlockingQueue<Message> inbox = new ArrayBlockingQueue<>(4);
            bob.addAsyncStanzaListener(s -> inbox.add((Message) s), s -> s instanceof Message);
            alice.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from(bob.getUser().toString()))
                    .ofType(Message.Type.chat).setBody("hello from smack").build());
            Message got = inbox.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.getBody()).isEqualTo("hello from smack");
            assertThat(got.getFrom().toString()).isEqualTo("alice@tern.test/smack-" + mechanism);
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }
}
