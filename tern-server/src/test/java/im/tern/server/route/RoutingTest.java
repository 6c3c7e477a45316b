package im.tern.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Iq;
import im.tern.core.StanzaError;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingTest {
    @TempDir static Path dir;
    static TestServer server;

    /** A server handler answering from the blocking executor, and one that always fails. */
    static final Module TEST_HANDLERS = new Module() {
        @Override
        public String name() { return "test-handlers"; }

        @Override
        public void start(ModuleContext ctx) {
            ctx.iq().serverGet("ping", "urn:xmpp:ping",
                    req -> CompletableFuture.supplyAsync(() -> Iq.result(req), ctx.blocking()));
            ctx.iq().serverGet("broken", "urn:test", req -> { throw new IllegalStateException("bug"); });
            ctx.iq().serverGet("failing", "urn:test", req -> CompletableFuture.failedFuture(new RuntimeException()));
            ctx.iq().accountGet("query", "urn:test:account", req ->
                    CompletableFuture.completedFuture(Iq.result(req, Element.empty("answer", "urn:test:account"))));
        }
    };

    @BeforeAll
    static void start() { server = TestServer.start(dir, TEST_HANDLERS); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void messageReachesAnotherUserStampedWithTheSendersFullJid() throws Exception {
        try (RawClient alice = server.login("alice", "a1"); RawClient bob = server.login("bob", "b1")) {
            alice.send("<message to='bob@tern.test' type='chat' id='m1'><body>hi bob</body></message>");
            String got = bob.expect("</message>");
            assertThat(got).contains("from=\"alice@tern.test/a1\"").contains("<body>hi bob</body>");
        }
    }

    @Test
    void messageToTheBareJidReachesEveryAvailableResource() throws Exception {
        try (RawClient sender = server.login("carol", "c1");
             RawClient phone = server.login("alice", "phone"); RawClient laptop = server.login("alice", "laptop")) {
            sender.send("<message to='alice@tern.test' type='chat'><body>both</body></message>");
            assertThat(phone.expect("</message>")).contains("both");
            assertThat(laptop.expect("</message>")).contains("both");
        }
    }

    @Test
    void messageBetweenTwoResourcesOfOneUser() throws Exception {
        try (RawClient phone = server.login("bob", "phone"); RawClient laptop = server.login("bob", "laptop")) {
            phone.send("<message to='bob@tern.test/laptop' type='chat'><body>to myself</body></message>");
            assertThat(laptop.expect("</message>")).contains("from=\"bob@tern.test/phone\"").contains("to myself");
        }
    }

    @Test
    void spoofedFromIsOverwrittenWhenItIsTheSendersOwnBareJid() throws Exception {
        try (RawClient alice = server.login("alice", "s1"); RawClient bob = server.login("bob", "s2")) {
            alice.send("<message from='alice@tern.test' to='bob@tern.test/s2'><body>x</body></message>");
            assertThat(bob.expect("</message>")).contains("from=\"alice@tern.test/s1\"");
        }
    }

    @Test
    void fromAnotherUserEndsTheStreamWithInvalidFrom() throws Exception {
        try (RawClient mallory = server.login("alice", "evil"); RawClient bob = server.login("bob", "victim")) {
            mallory.send("<message from='carol@tern.test/x' to='bob@tern.test/victim'><body>fake</body></message>");
            assertThat(mallory.expectClosed()).contains("<invalid-from xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>");
            assertThat(bob.drain(300)).doesNotContain("fake");
        }
    }

    @Test
    void messageToUnknownUserIsServiceUnavailable() throws Exception {
        try (RawClient alice = server.login("alice", "u1")) {
            alice.send("<message to='nobody@tern.test' type='chat' id='m2'><body>?</body></message>");
            String error = alice.expect("</message>");
            assertThat(error).contains("type=\"error\"").contains("from=\"nobody@tern.test\"")
                    .contains("<" + StanzaError.SERVICE_UNAVAILABLE.condition());
        }
    }

    @Test
    void chatToAnOfflineAccountIsServiceUnavailableWithoutOfflineStorage() throws Exception {
        try (RawClient alice = server.login("alice", "o1")) {
            alice.send("<message to='dave@tern.test' type='chat' id='m3'><body>?</body></message>");
            assertThat(alice.expect("</message>")).contains("service-unavailable");
        }
    }

    @Test
    void stanzaToAnotherDomainIsRemoteServerNotFound() throws Exception {
        try (RawClient alice = server.login("alice", "r1")) {
            alice.send("<message to='someone@elsewhere.example' id='m4'><body>?</body></message>");
            assertThat(alice.expect("</message>")).contains("remote-server-not-found");
        }
    }

    @Test
    void iqWithTwoPayloadsIsBadRequest() throws Exception {
        try (RawClient alice = server.login("alice", "i1")) {
            alice.send("<iq type='get' id='q1'><ping xmlns='urn:xmpp:ping'/><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.expect("</iq>")).contains("id=\"q1\"").contains("bad-request");
        }
    }

    @Test
    void iqWithoutIdIsBadRequest() throws Exception {
        try (RawClient alice = server.login("alice", "i2")) {
            alice.send("<iq type='get' to='tern.test'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.expect("</iq>")).contains("bad-request");
        }
    }

    @Test
    void unparseableToIsJidMalformed() throws Exception {
        try (RawClient alice = server.login("alice", "j1")) {
            alice.send("<message to='a@b@c' id='m5'><body>?</body></message>");
            assertThat(alice.expect("</message>")).contains("jid-malformed");
        }
    }

    @Test
    void iqToTheServerIsAnsweredByItsHandler() throws Exception {
        try (RawClient alice = server.login("alice", "p1")) {
            alice.send("<iq type='get' id='ping1' to='tern.test'><ping xmlns='urn:xmpp:ping'/></iq>");
            String reply = alice.expect("id=\"ping1\"");
            assertThat(reply).contains("type=\"result\"");
        }
    }

    @Test
    void iqWithoutHandlerIsServiceUnavailable() throws Exception {
        try (RawClient alice = server.login("alice", "p2")) {
            alice.send("<iq type='get' id='x1' to='tern.test'><nothing xmlns='urn:none'/></iq>");
            assertThat(alice.expect("</iq>")).contains("service-unavailable");
        }
    }

    @Test
    void failingHandlersAnswerInternalServerError() throws Exception {
        try (RawClient alice = server.login("alice", "p3")) {
            alice.send("<iq type='get' id='b1'><broken xmlns='urn:test'/></iq>");
            assertThat(alice.expect("</iq>")).contains("id=\"b1\"").contains("internal-server-error");
            alice.send("<iq type='get' id='b2'><failing xmlns='urn:test'/></iq>");
            assertThat(alice.expect("</iq>")).contains("id=\"b2\"").contains("internal-server-error");
        }
    }

    @Test
    void iqToOwnAccountWithoutToReachesTheAccountHandler() throws Exception {
        try (RawClient alice = server.login("alice", "acc")) {
            alice.send("<iq type='get' id='a1'><query xmlns='urn:test:account'/></iq>");
            assertThat(alice.expect("</iq>")).contains("type=\"result\"").contains("<answer xmlns=\"urn:test:account\"/>");
        }
    }

    @Test
    void iqToAnOfflineFullJidIsServiceUnavailable() throws Exception {
        try (RawClient alice = server.login("alice", "f1")) {
            alice.send("<iq type='get' id='off1' to='bob@tern.test/gone'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.expect("</iq>")).contains("service-unavailable");
        }
    }

    @Test
    void errorsAreNeverAnsweredWithErrors() throws Exception {
        try (RawClient alice = server.login("alice", "e1")) {
            alice.send("<message type='error' to='nobody@tern.test' id='e'><error type='cancel'/></message>");
            alice.send("<iq type='get' id='after' to='tern.test'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(alice.expect("id=\"after\"")).doesNotContain("<message");
        }
    }

    @Test
    void stanzasFromOneClientArriveInOrderAcrossAsyncLookups() throws Exception {
        try (RawClient alice = server.login("alice", "ord"); RawClient bob = server.login("bob", "ord")) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                // Alternate targets: the bare JID needs an account look-up, the full JID does not.
                String to = i % 2 == 0 ? "bob@tern.test" : "bob@tern.test/ord";
                burst.append("<message type='chat' to='").append(to).append("'><body>n").append(i).append("</body></message>");
            }
            alice.send(burst.toString());
            for (int i = 0; i < 200; i++) assertThat(bob.expect("</message>")).contains("<body>n" + i + "</body>");
        }
    }
}
