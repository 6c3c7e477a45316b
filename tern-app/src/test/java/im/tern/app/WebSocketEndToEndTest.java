package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnection;
import org.jivesoftware.smack.c2s.ModularXmppClientToServerConnectionConfiguration;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.websocket.XmppWebSocketTransportModuleDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Smack over XMPP-over-WebSocket (RFC 7395 over wss, the default) talking to a Smack TCP client. */
class WebSocketEndToEndTest {
    static RunningTern tern;
    static RunningTern secure;

    @BeforeAll
    static void start() throws Exception {
        // Smack's Java 11 WebSocket cannot be given a trust manager for the self-signed certificate, so
        // this server serves plain HTTP as it would behind a proxy; wss itself is tested below.
        tern = RunningTern.start(cfg -> cfg.http.tls = false);
        secure = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
        secure.close();
    }

    @Test
    void theDefaultHttpPortServesXmppOverSecureWebSocket() throws Exception {
        java.util.concurrent.BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(TrustAllTls.context()).build();
        java.net.http.WebSocket ws = client.newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(URI.create("wss://127.0.0.1:" + secure.server.httpPort() + "/xmpp-websocket"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                                frames.add(data.toString());
                                w.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("xmpp");
        ws.sendText("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + RunningTern.DOMAIN + "' version='1.0'/>", true);
        assertThat(frames.poll(10, TimeUnit.SECONDS)).startsWith("<open");
        // Over TLS the stream is secure, so PLAIN is offered beside SCRAM.
        assertThat(frames.poll(10, TimeUnit.SECONDS)).contains("<mechanism>PLAIN</mechanism>").contains("SCRAM-SHA-256");
        ws.abort();
    }

    static ModularXmppClientToServerConnection webSocketLogin(String user, String password, String resource) throws Exception {
        var b = ModularXmppClientToServerConnectionConfiguration.builder()
                .setXmppDomain(RunningTern.DOMAIN)
                .setUsernameAndPassword(user, password)
                .setResource(resource)
                .setSecurityMode(SecurityMode.disabled) // ws://: this server runs as behind a TLS-terminating proxy
                .setSendPresence(true)
                .removeAllModules();
        b.addModule(XmppWebSocketTransportModuleDescriptor.getBuilder(b)
                .explicitlySetWebSocketEndpoint(URI.create("ws://127.0.0.1:" + tern.server.httpPort() + "/xmpp-websocket"))
                .build());
        ModularXmppClientToServerConnection c = new ModularXmppClientToServerConnection(b.build());
        c.connect().login();
        return c;
    }

    static BlockingQueue<Message> inbox(org.jivesoftware.smack.XMPPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static Message chat(String to, String body) throws Exception {
        return StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void webSocketClientAndTcpClientExchangeMessages() throws Exception {
        ModularXmppClientToServerConnection alice = webSocketLogin("alice", "pw", "browser");
        try {
            XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
            BlockingQueue<Message> bobInbox = inbox(bob);
            BlockingQueue<Message> aliceInbox = inbox(alice);
            assertThat(alice.getUser().toString()).isEqualTo("alice@tern.test/browser");

            alice.sendStanza(chat("bob@tern.test", "hello from the browser"));
            Message atBob = bobInbox.poll(10, TimeUnit.SECONDS);
            assertThat(atBob).isNotNull();
            assertThat(atBob.getBody()).isEqualTo("hello from the browser");
            assertThat(atBob.getFrom().toString()).isEqualTo("alice@tern.test/browser");

            bob.sendStanza(chat("alice@tern.test/browser", "hello from the desk"));
            Message atAlice = aliceInbox.poll(10, TimeUnit.SECONDS);
            assertThat(atAlice).isNotNull();
            assertThat(atAlice.getBody()).isEqualTo("hello from the desk");
        } finally {
            alice.disconnect();
        }
    }
}
