package im.tern.server.sm;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0198 over a real socket: acks both ways, resumption, and what happens when nobody resumes. */
class StreamManagementTest {
    private static final String ENABLE_RESUME = "<enable xmlns='urn:xmpp:sm:3' resume='true'/>";

    @TempDir Path dir;

    /** Keeps every message handed to the offline path after a session ended unacknowledged. */
    static final class Unacknowledged implements Module {
        final List<Stanza> got = new CopyOnWriteArrayList<>();

        @Override
        public String name() { return "unacknowledged"; }

        @Override
        public void start(ModuleContext ctx) {
            ctx.hooks().on(Events.UnacknowledgedMessage.class, Phase.HANDLE, e -> {
                got.add(e.stanza());
                return Hook.STOP;
            });
        }
    }

    @Test
    void featureIsOfferedAfterAuthenticationAndEnablingBeforeBindFails() throws Exception {
        try (TestServer server = TestServer.start(dir); RawClient alice = RawClient.connect(server.port())) {
            assertThat(alice.authenticate("alice", TestServer.PASSWORD)).contains("<sm xmlns=\"urn:xmpp:sm:3\"/>");
            alice.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertThat(alice.expect("</failed>")).contains("unexpected-request");
        }
    }

    @Test
    void ackCountsEveryHandledStanza() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            alice.send("<enable xmlns='urn:xmpp:sm:3'/>");
            assertThat(alice.expect("/>")).contains("<enabled").doesNotContain("resume");
            for (int i = 0; i < 3; i++) alice.send("<message to='bob@tern.test' type='chat'><body>" + i + "</body></message>");
            alice.send("<r xmlns='urn:xmpp:sm:3'/>");
            assertThat(alice.expect("<a ")).isNotNull();
            assertThat(alice.expect("/>")).contains("h=\"3\"");
            assertThat(bob.expect("<body>2</body>")).contains("<body>0</body>");
        }
    }

    @Test
    void ackWaitsUntilTheMessageIsStored() throws Exception {
        CompletableFuture<Void> storage = new CompletableFuture<>();
        Module slowStore = new Module() {
            @Override
            public String name() { return "slow-store"; }

            @Override
            public void start(ModuleContext ctx) {
                ctx.hooks().on(Events.InboundStanza.class, Phase.HANDLE, e -> storage.thenApply(v -> Hook.Outcome.CONTINUE));
            }
        };
        try (TestServer server = TestServer.start(dir, slowStore);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            alice.send("<enable xmlns='urn:xmpp:sm:3'/>");
            alice.expect("<enabled");
            alice.send("<message to='bob@tern.test' type='chat' id='m1'><body>hi</body></message><r xmlns='urn:xmpp:sm:3'/>");
            assertThat(alice.drain(300)).doesNotContain("<a ");
            storage.complete(null);
            alice.expect("<a ");
            assertThat(alice.expect("/>")).contains("h=\"1\"");
            assertThat(bob.expect("</message>")).contains("hi");
        }
    }

    @Test
    void serverAsksForAcksAndTheClientsAckReleasesThem() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            alice.send("<enable xmlns='urn:xmpp:sm:3'/>");
            alice.expect("<enabled");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>one</body></message>");
            assertThat(alice.expect("<r xmlns=\"urn:xmpp:sm:3\"/>")).contains("one");
            alice.send("<a xmlns='urn:xmpp:sm:3' h='1'/>");
            alice.sync();
            alice.send("<a xmlns='urn:xmpp:sm:3' h='5'/>"); // more than was ever sent
            assertThat(alice.expectClosed()).contains("undefined-condition");
        }
    }

    @Test
    void resumedSessionGetsExactlyWhatItMissed() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b");
             RawClient again = RawClient.connect(server.port())) {
            alice.send(ENABLE_RESUME);
            String id = attr(alice.expect("/>"), "id");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>m1</body></message>");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>m2</body></message>");
            alice.expect("m2");
            alice.abort(); // m1 was acknowledged below, m2 never was
            bob.sync();
            bob.send("<message to='alice@tern.test' type='chat'><body>m3 while away</body></message>");
            bob.sync();
            assertThat(server.server().sessions().get(Jid.of("alice@tern.test/phone")).detached()).isTrue();

            again.authenticate("alice", TestServer.PASSWORD);
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='1'/>");
            String resumed = again.expect("m3 while away");
            assertThat(resumed).contains("<resumed").contains("previd=\"" + id + "\"").contains("m2")
                    .doesNotContain("m1");
            // The session carries on: new messages arrive and the client's stanzas count from where they were.
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>m4</body></message>");
            again.expect("m4");
            again.send("<r xmlns='urn:xmpp:sm:3'/>");
            again.expect("<a ");
            assertThat(server.server().sessions().of(Jid.of("alice@tern.test"))).hasSize(1);
        }
    }

    @Test
    void resumingTakesTheSessionFromAConnectionThatLooksAlive() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b");
             RawClient again = RawClient.connect(server.port())) {
            alice.send(ENABLE_RESUME);
            String id = attr(alice.expect("/>"), "id");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>unacked</body></message>");
            alice.expect("unacked");
            again.authenticate("alice", TestServer.PASSWORD);
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
            assertThat(again.expect("unacked")).contains("<resumed");
            alice.expectClosed();
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>after</body></message>");
            again.expect("after");
        }
    }

    @Test
    void unknownPreviousSessionFailsAndBindingStillWorks() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient bob = server.login("bob", "b");
             RawClient alice = RawClient.connect(server.port())) {
            bob.send(ENABLE_RESUME);
            String bobs = attr(bob.expect("/>"), "id");
            alice.authenticate("alice", TestServer.PASSWORD);
            alice.send("<resume xmlns='urn:xmpp:sm:3' previd='nope' h='0'/>");
            assertThat(alice.expect("</failed>")).contains("item-not-found");
            alice.send("<resume xmlns='urn:xmpp:sm:3' previd='" + bobs + "' h='0'/>"); // someone else's
            assertThat(alice.expect("</failed>")).contains("item-not-found");
            assertThat(alice.bind("phone")).isEqualTo("alice@tern.test/phone");
        }
    }

    @Test
    void cleanCloseEndsTheSessionForGood() throws Exception {
        Unacknowledged unacked = new Unacknowledged();
        try (TestServer server = TestServer.start(dir, unacked);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b");
             RawClient again = RawClient.connect(server.port())) {
            alice.send(ENABLE_RESUME);
            String id = attr(alice.expect("/>"), "id");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>never acked</body></message>");
            alice.expect("never acked");
            alice.send("</stream:stream>");
            alice.expectClosed();
            again.authenticate("alice", TestServer.PASSWORD);
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
            assertThat(again.expect("</failed>")).contains("item-not-found");
            assertThat(unacked.got).extracting(s -> s.element().childText("body", "jabber:client"))
                    .containsExactly("never acked");
        }
    }

    @Test
    void whenNobodyResumesUnacknowledgedMessagesAreHandedOnNotDropped() throws Exception {
        Unacknowledged unacked = new Unacknowledged();
        try (TestServer server = TestServer.start(dir,
                c -> c.withLimits(c.limits().withStreamManagement(Duration.ofSeconds(1), 100)), unacked);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            alice.send(ENABLE_RESUME);
            assertThat(alice.expect("/>")).contains("max=\"1\"");
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>sent before the drop</body></message>");
            alice.expect("sent before the drop");
            alice.abort();
            bob.sync();
            bob.send("<message to='alice@tern.test/phone' type='chat'><body>sent while away</body></message>");
            bob.sync();
            long deadline = System.currentTimeMillis() + 5_000;
            while (unacked.got.size() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertThat(unacked.got).extracting(s -> s.element().childText("body", "jabber:client"))
                    .containsExactly("sent before the drop", "sent while away");
            assertThat(server.server().sessions().of(Jid.of("alice@tern.test"))).isEmpty();
        }
    }

    @Test
    void serverReceiptNamesTheAcceptedMessage() throws Exception {
        try (TestServer server = TestServer.start(dir);
             RawClient alice = server.login("alice", "phone");
             RawClient bob = server.login("bob", "b")) {
            alice.send("<iq type='set' id='r1'><enable xmlns='urn:tern:receipts:0'/></iq>");
            alice.expect("id=\"r1\"");
            alice.send("<message to='bob@tern.test' type='chat' id='msg-7'><body>tick</body></message>");
            String receipt = alice.expect("</message>");
            assertThat(receipt).contains("<accepted xmlns=\"urn:tern:receipts:0\" id=\"msg-7\" to=\"bob@tern.test\"/>");
            bob.expect("tick");
            alice.send("<message to='nobody@tern.test' type='chat' id='msg-8'><body>lost?</body></message>");
            assertThat(alice.expect("</message>")).contains("type=\"error\"").doesNotContain("accepted");
        }
    }

    private static String attr(String xml, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(xml);
        if (!m.find()) throw new AssertionError("no " + name + " in " + xml);
        return m.group(1);
    }
}
