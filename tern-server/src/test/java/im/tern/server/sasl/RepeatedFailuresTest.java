package im.tern.server.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedFailuresTest {
    @TempDir Path dir;

    @Test
    void afterTooManyFailuresEvenTheRightPasswordGetsTemporaryAuthFailure() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withLimits(c.limits().withAuthFailures(2, Duration.ofMinutes(1))));
             RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authPlain(null, "alice", "wrong")).contains("<not-authorized/>");
            assertThat(c.authPlain(null, "alice", "wrong again")).contains("<not-authorized/>");
            assertThat(c.authPlain(null, "alice", TestServer.PASSWORD)).contains("<temporary-auth-failure/>");
        }
    }

    @Test
    void fiveFailuresOnOneStreamEndIt() throws Exception {
        try (TestServer server = TestServer.start(dir); RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            for (int i = 0; i < SaslNegotiation.MAX_FAILURES_PER_STREAM - 1; i++) {
                assertThat(c.authPlain(null, "bob", "wrong" + i)).contains("<not-authorized/>");
            }
            c.authPlain(null, "bob", "last");
            assertThat(c.expectClosed()).contains("<policy-violation");
        }
    }
}
