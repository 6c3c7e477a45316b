package im.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole generator against a minimal in-process server on loopback. */
class LoadGeneratorTest {
    @Test
    void logsEveryoneInAndDeliversEveryMessageWithLatencies() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer()) {
            String json = run("--port", String.valueOf(server.port()), "--domain", "example.com", "--users", "40",
                    "--mechanism", "PLAIN", "--rate", "200,400", "--duration", "1", "--drain", "2", "--threads", "2",
                    "--server-pid", String.valueOf(ProcessHandle.current().pid()), "--json");

            assertThat(json).contains("\"established\":40", "\"failed\":0");
            assertThat(json).containsPattern("\"target_rate\":200.000,\"seconds\":[0-9.]+,\"sent\":(19[0-9]|200),\"received\":(19[0-9]|200),\"lost\":0");
            assertThat(json).containsPattern("\"target_rate\":400.000,\"seconds\":[0-9.]+,\"sent\":(39[0-9]|400),\"received\":(39[0-9]|400),\"lost\":0");
            assertThat(json).doesNotContain("\"rss_after_kib\":-1");
        }
    }

    @Test
    void worksWithTheTolerantXmlReaderToo() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer()) {
            String json = run("--port", String.valueOf(server.port()), "--domain", "example.com", "--users", "10",
                    "--xml", "tolerant", "--rate", "100", "--duration", "1", "--drain", "2", "--json");

            assertThat(json).contains("\"established\":10", "\"lost\":0");
        }
    }

    @Test
    void countsRefusedConnectionsAsFailuresAndStillEnds() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String json = run("--port", String.valueOf(closedPort), "--users", "5", "--json");

        assertThat(json).contains("\"established\":0", "\"failed\":5", "Connection refused");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new CommandLine(new LoadGenerator()).execute(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
