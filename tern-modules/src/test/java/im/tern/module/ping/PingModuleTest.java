package im.tern.module.ping;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingModuleTest {
    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new PingModule());
        alice = server.login("alice", "phone");
    }

    @AfterEach
    void stop() { server.close(); }

    @Test
    void serverAnswersPingWithEmptyResult() {
        Element reply = server.iq(alice, "get", "example.com", Element.empty("ping", PingModule.NAMESPACE));
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(reply.attr("from")).isEqualTo("example.com");
        assertThat(reply.elements()).isEmpty();
    }

    @Test
    void pingToAnAccountIsAnsweredByTheServerOnItsBehalf() {
        server.account("bob");
        Element reply = server.iq(alice, "get", "bob@example.com", Element.empty("ping", PingModule.NAMESPACE));
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(reply.attr("from")).isEqualTo("bob@example.com");
    }

    @Test
    void pingIsAdvertisedForServerAndAccounts() {
        assertThat(server.disco().serverFeatures()).contains(PingModule.NAMESPACE);
        assertThat(server.disco().accountFeatures()).contains(PingModule.NAMESPACE);
    }
}
