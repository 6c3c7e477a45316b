package im.tern.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeoutTest {
    @TempDir Path dir;

    @Test
    void connectionThatDoesNotAuthenticateInTimeIsClosedWithConnectionTimeout() throws Exception {
        try (TestServer server = TestServer.start(dir,
                c -> c.withLimits(c.limits().withTimeouts(Duration.ofSeconds(1), Duration.ofMinutes(10))));
             RawClient c = RawClient.connect(server.port())) {
            c.open();
            assertThat(c.expectClosed()).endsWith(
                    "<stream:error><connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
        }
    }

    @Test
    void idleSessionIsClosedButWhitespaceKeepAlivesKeepItOpen() throws Exception {
        try (TestServer server = TestServer.start(dir,
                c -> c.withLimits(c.limits().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(3))));
             RawClient pinging = server.login("alice", "pinging"); RawClient silent = server.login("bob", "silent")) {
            for (int i = 0; i < 10; i++) {
                Thread.sleep(500);
                pinging.send(" ");
            }
            assertThat(silent.expectClosed()).contains("<connection-timeout");
            pinging.sync();
        }
    }
}
