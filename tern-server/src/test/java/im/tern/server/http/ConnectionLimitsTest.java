package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import im.tern.server.testing.TestServer;
import im.tern.server.testing.WsClient;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP and WebSocket connections live under the same connection limits as TCP ones. */
class ConnectionLimitsTest {
    @TempDir Path dir;

    static TestServer withAuthTimeout(Path dir, Duration timeout) {
        return TestServer.start(dir, c -> c.withHttpPort(0).withLimits(c.limits().withTimeouts(timeout, Duration.ofMinutes(10))));
    }

    @Test
    void webSocketThatDoesNotAuthenticateInTimeIsClosedWithConnectionTimeout() throws Exception {
        try (TestServer server = withAuthTimeout(dir, Duration.ofSeconds(1));
             WsClient ws = WsClient.connect(server.server().httpPort())) {
            ws.open();
            assertThat(ws.expect("stream:error")).contains("<connection-timeout ");
            assertThat(ws.next()).startsWith("<close ");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void keptAlivePlainHttpConnectionIsClosedByTheUnauthenticatedTimeout() throws Exception {
        try (TestServer server = withAuthTimeout(dir, Duration.ofSeconds(1));
             Socket s = new Socket("127.0.0.1", server.server().httpPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: tern.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder got = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) got.append((char) b); // until the server closes
            assertThat(got).startsWith("HTTP/1.1 200 OK").contains("{\"status\":\"up\"");
        }
    }

    @Test
    void connectionsPastThePerAddressCapAreRefusedAndShutdownEndsWebSocketStreams() throws Exception {
        TestServer server = TestServer.start(dir, c -> c.withHttpPort(0).withLimits(c.limits().withUnauthenticatedPerIp(1)));
        try (WsClient first = WsClient.connect(server.server().httpPort())) {
            first.open();
            assertThatThrownBy(() -> WsClient.connect(server.server().httpPort()).close());
            await().atMost(Duration.ofSeconds(5)).until(() -> server.server().connections() == 1);
            server.close();
            assertThat(first.expect("stream:error")).contains("<system-shutdown ");
        } finally {
            server.close();
        }
    }
}
