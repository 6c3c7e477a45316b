package im.tern.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloodTest {
    @TempDir Path dir;

    @Test
    void fiveHundredUnauthenticatedConnectionsDoNotStopALoggedInClient() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "a"); RawClient bob = server.login("bob", "b")) {
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.getOutputStream().write(("<stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
                            + " xmlns='jabber:client' to='tern.test' version='1.0'>").getBytes(StandardCharsets.UTF_8));
                    flood.add(s);
                }
                for (int i = 0; i < 20; i++) {
                    alice.send("<message to='bob@tern.test' type='chat'><body>m" + i + "</body></message>");
                    assertThat(bob.expect("</message>")).contains("m" + i);
                }
            } finally {
                for (Socket s : flood) s.close();
            }
        }
    }

    @Test
    void unauthenticatedConnectionsPastThePerAddressCapArePolicyViolations() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withLimits(c.limits().withUnauthenticatedPerIp(3)))) {
            List<RawClient> first = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RawClient c = RawClient.connect(server.port());
                    c.open();
                    first.add(c);
                }
                try (RawClient fourth = RawClient.connect(server.port())) {
                    assertThat(fourth.expectClosed()).contains("<policy-violation");
                }
            } finally {
                for (RawClient c : first) c.close();
            }
        }
    }
}
