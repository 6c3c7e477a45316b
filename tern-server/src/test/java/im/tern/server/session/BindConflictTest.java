package im.tern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindConflictTest {
    @TempDir Path dir;

    @Test
    void newSessionOnTheSameResourceTakesOverAndTheOldOneGetsConflict() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient old = server.login("alice", "phone");
             RawClient fresh = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            assertThat(old.expectClosed())
                    .endsWith("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>to the new one</body></message>");
            assertThat(fresh.expect("</message>")).contains("to the new one");
            assertThat(server.server().sessions().of(Jid.of("alice@tern.test"))).hasSize(1);
        }
    }
}
