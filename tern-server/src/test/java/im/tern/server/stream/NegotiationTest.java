package im.tern.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NegotiationTest {
    @TempDir static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(dir); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void offersOnlyRequiredStarttlsBeforeTls() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            String features = c.open();
            assertThat(features).contains("from='tern.test'").contains("version='1.0'")
                    .contains("<starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\"><required/></starttls>")
                    .doesNotContain("mechanisms");
        }
    }

    @Test
    void offersScramAndPlainAfterStarttls() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            String features = c.startTls();
            assertThat(features).doesNotContain("starttls")
                    .contains("<mechanism>SCRAM-SHA-256</mechanism><mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism>");
        }
    }

    @Test
    void refusesAuthenticationBeforeRequiredTls() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            assertThat(c.authPlain(null, "alice", TestServer.PASSWORD)).contains("<encryption-required/>");
        }
    }

    @Test
    void logsInWithScramSha256() throws Exception {
        assertLogsInWith(ScramAlgorithm.SHA_256);
    }

    @Test
    void logsInWithScramSha1() throws Exception {
        assertLogsInWith(ScramAlgorithm.SHA_1);
    }

    private void assertLogsInWith(ScramAlgorithm alg) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authScram(alg, "alice", TestServer.PASSWORD)).contains("<success");
            String features = c.open();
            assertThat(features).contains("<bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\"/>")
                    .contains("<session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"><optional/></session>");
            assertThat(c.bind("laptop")).isEqualTo("alice@tern.test/laptop");
        }
    }

    @Test
    void scramWithWrongPasswordIsNotAuthorized() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authScram(ScramAlgorithm.SHA_256, "bob", "wrong")).contains("<not-authorized/>");
        }
    }

    @Test
    void scramForUnknownUserLooksLikeAWrongPassword() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authScram(ScramAlgorithm.SHA_256, "nobody", "x")).contains("<not-authorized/>");
        }
    }

    @Test
    void logsInWithPlainOverTls() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authPlain(null, "bob", TestServer.PASSWORD)).contains("<success");
            c.open();
            assertThat(c.bind(null)).startsWith("bob@tern.test/tern-");
        }
    }

    @Test
    void plainWithAnotherUsersAuthzidIsInvalidAuthzid() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            assertThat(c.authPlain("bob@tern.test", "alice", TestServer.PASSWORD)).contains("<invalid-authzid/>");
            assertThat(c.authPlain("alice@tern.test", "alice", TestServer.PASSWORD)).contains("<success");
        }
    }

    @Test
    void unknownMechanismIsInvalidMechanism() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='DIGEST-MD5'/>");
            assertThat(c.expect("</failure>")).contains("<invalid-mechanism/>");
        }
    }

    @Test
    void abortIsAcknowledgedWithAborted() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.startTls();
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'/>");
            c.expect("<challenge");
            c.send("<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            assertThat(c.expect("</failure>")).contains("<aborted/>");
        }
    }

    @Test
    void answersTheLegacySessionRequest() throws Exception {
        try (RawClient c = server.login("carol", "desk")) {
            c.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
            assertThat(c.expect("id=\"s1\"")).contains("type=\"result\"");
        }
    }

    @Test
    void directTlsOffersMechanismsAtOnce() throws Exception {
        try (RawClient c = RawClient.connectTls(server.tlsPort())) {
            String features = c.open();
            assertThat(features).doesNotContain("starttls").contains("<mechanism>PLAIN</mechanism>");
            assertThat(c.authScram(ScramAlgorithm.SHA_256, "alice", TestServer.PASSWORD)).contains("<success");
            c.open();
            assertThat(c.bind("phone")).isEqualTo("alice@tern.test/phone");
        }
    }
}
