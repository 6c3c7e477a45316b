package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import im.tern.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XMPP over WebSocket (RFC 7395) against a real server, beside TCP clients. */
class WebSocketStreamTest {
    private static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";

    @TempDir static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(dir, c -> c.withHttpPort(0)); }

    @AfterAll
    static void stop() { server.close(); }

    static WsClient connect() throws Exception { return WsClient.connect(server.server().httpPort()); }

    @Test
    void offersScramButNeitherPlainNorStarttlsOverPlainHttp() throws Exception {
        try (WsClient ws = connect()) {
            assertThat(ws.subprotocol()).isEqualTo("xmpp");
            ws.send("<open xmlns='" + FRAMING + "' to='tern.test' version='1.0'/>");
            assertThat(ws.next()).startsWith("<open xmlns=\"" + FRAMING + "\" from=\"tern.test\" id=\"")
                    .endsWith(" version=\"1.0\" xml:lang=\"en\"/>");
            String features = ws.next();
            assertThat(features).startsWith("<stream:features xmlns:stream='http://etherx.jabber.org/streams'>")
                    .contains("<mechanism>SCRAM-SHA-1</mechanism>").doesNotContain("PLAIN").doesNotContain("starttls");
        }
    }

    @Test
    void scramLoginBindsAndChatsWithATcpClient() throws Exception {
        try (RawClient bob = server.login("bob", "desk"); WsClient ws = connect()) {
            ws.open();
            assertThat(ws.authScram(ScramAlgorithm.SHA_256, "alice", TestServer.PASSWORD)).startsWith("<success");
            assertThat(ws.open()).contains("urn:ietf:params:xml:ns:xmpp-bind");
            assertThat(ws.bind("web")).isEqualTo("alice@tern.test/web");
            ws.send("<presence xmlns='jabber:client'/>");

            ws.send("<message xmlns='jabber:client' to='bob@tern.test/desk' type='chat'><body>from the browser</body></message>");
            assertThat(bob.expect("</message>")).contains("from=\"alice@tern.test/web\"").contains("from the browser");

            bob.send("<message to='alice@tern.test' type='chat'><body>from the desk</body></message>");
            assertThat(ws.expect("from the desk")).startsWith("<message xmlns=\"jabber:client\"")
                    .contains("from=\"bob@tern.test/desk\"");

            // With a second resource online the router serialises once and shares the bytes.
            try (RawClient alicePhone = server.login("alice", "phone")) {
                bob.send("<message to='alice@tern.test' type='chat'><body>to both</body></message>");
                assertThat(ws.expect("to both")).startsWith("<message xmlns=\"jabber:client\"");
                assertThat(alicePhone.expect("</message>")).contains("to both");
            }

            ws.send("<close xmlns='" + FRAMING + "'/>");
            assertThat(ws.next()).isEqualTo("<close xmlns=\"" + FRAMING + "\"/>");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void malformedFrameEndsTheStreamWithNotWellFormedThenClose() throws Exception {
        try (WsClient ws = connect()) {
            ws.open();
            ws.send("<message xmlns='jabber:client'><body>unclosed</message>");
            assertThat(ws.next()).isEqualTo("<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                    + "<not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
            assertThat(ws.next()).isEqualTo("<close xmlns=\"" + FRAMING + "\"/>");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void binaryFrameEndsTheStreamWithUnsupportedEncoding() throws Exception {
        try (WsClient ws = connect()) {
            ws.open();
            ws.sendBinary("<presence xmlns='jabber:client'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(ws.next()).contains("<unsupported-encoding ");
            assertThat(ws.next()).isEqualTo("<close xmlns=\"" + FRAMING + "\"/>");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void refusesAHandshakeWithoutTheXmppSubprotocol() {
        URI uri = URI.create("ws://127.0.0.1:" + server.server().httpPort() + "/xmpp-websocket");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("chat")
                .buildAsync(uri, new java.net.http.WebSocket.Listener() {}).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));
    }
}
