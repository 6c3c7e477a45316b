package im.tern.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionalTlsTest {
    @TempDir Path dir;

    @Test
    void plainIsNeitherOfferedNorAcceptedWithoutTls() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withTls(c.tls().withStarttlsRequired(false)));
             RawClient c = RawClient.connect(server.port())) {
            String features = c.open();
            assertThat(features).contains("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"/>")
                    .contains("<mechanism>SCRAM-SHA-256</mechanism>").doesNotContain("PLAIN");
            assertThat(c.authPlain(null, "alice", TestServer.PASSWORD)).contains("<encryption-required/>");
            assertThat(c.authScram(ScramAlgorithm.SHA_256, "alice", TestServer.PASSWORD)).contains("<success");
        }
    }
}
