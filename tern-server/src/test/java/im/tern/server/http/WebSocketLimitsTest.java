package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.TestServer;
import im.tern.server.testing.WsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket streams live under the same connection limits as TCP ones. */
class WebSocketLimitsTest {
    @TempDir Path dir;

    @Test
    void webSocketThatDoesNotAuthenticateInTimeIsClosedWithConnectionTimeout() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withHttpPort(0)
                .withLimits(c.limits().withTimeouts(Duration.ofSeconds(1), Duration.ofMinutes(10))));
             WsClient ws = WsClient.connect(server.server().httpPort())) {
            ws.open();
            assertThat(ws.expect("stream:error")).contains("<connection-timeout ");
            assertThat(ws.next()).startsWith("<close ");
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void unauthenticatedWebSocketsCountTowardsThePerAddressCapAndShutdownEndsThem() throws Exception {
        TestServer server = TestServer.start(dir, c -> c.withHttpPort(0).withLimits(c.limits().withUnauthenticatedPerIp(1)));
        try (WsClient first = WsClient.connect(server.server().httpPort());
             WsClient second = WsClient.connect(server.server().httpPort())) {
            first.open();
            assertThat(second.expect("stream:error")).contains("<policy-violation ");
            assertThat(server.server().connections()).isEqualTo(1);
            server.close();
            assertThat(first.expect("stream:error")).contains("<system-shutdown ");
        } finally {
            server.close();
        }
    }
}
