package im.tern.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadRateTest {
    @TempDir Path dir;

    @Test
    void fastSenderIsSlowedButLosesNothing() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withLimits(c.limits().withReadBytesPerSecond(50_000)));
             RawClient alice = server.login("alice", "fast"); RawClient bob = server.login("bob", "b")) {
            String body = "y".repeat(1000);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                burst.append("<message to='bob@tern.test/b'><body>").append(i).append(body).append("</body></message>");
            }
            long start = System.nanoTime();
            alice.send(burst.toString());
            for (int i = 0; i < 200; i++) assertThat(bob.expect("</message>")).contains("<body>" + i + "y");
            // About 200 KB at 50 KB/s: one socket read (at most 64 KB) and the 50 KB bucket pass at once,
            // the rest has to wait for the bucket, so well over a second.
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThan(1200);
        }
    }
}
