package im.tern.module.retract;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.stored.StoredXml;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.module.testing.TestStanzas;
import im.tern.store.ArchivedMessage;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetractModuleTest {
    static final String NS = RetractModule.NAMESPACE;
    static final long WINDOW = Duration.ofHours(1).toSeconds();

    @TempDir
    Path dir;
    TestServer server;
    MessageStore archive;
    TestSession alice;
    TestSession bob;

    @BeforeEach
    void start() {
        start(WINDOW);
    }

    void start(long windowSeconds) {
        if (server != null) server.close();
        server = new TestServer(dir, new RetractModule(windowSeconds));
        archive = server.store(MessageStore.class);
        alice = server.login("alice", "phone");
        alice.setPresence(TestStanzas.presence());
        bob = server.login("bob", "phone");
        bob.setPresence(TestStanzas.presence());
    }

    @AfterEach
    void stop() { server.close(); }

    static Element sentMessage(String originId) {
        return Element.builder("message", "jabber:client").attr("type", "chat").attr("id", originId)
                .attr("from", "alice@example.com/phone").attr("to", "bob@example.com")
                .child(Element.builder("body", "jabber:client").text("the wrong chat").build())
                .child(Element.builder("origin-id", "urn:xmpp:sid:0").attr("id", originId).build())
                .child(Element.builder("stanza-id", "urn:xmpp:sid:0").attr("by", "x").attr("id", "s-" + originId).build())
                .build();
    }

    /** Both archived copies of a message alice sent bob, as the archive keeps them, archived {@code age} ago. */
    void archived(String originId, Duration age) {
        Instant at = Instant.now().minus(age);
        String xml = sentMessage(originId).toXml();
        archive.archive(List.of(
                new ArchivedMessage("alice", "a-" + originId, "bob@example.com", originId, true, at, null, xml),
                new ArchivedMessage("bob", "b-" + originId, "alice@example.com", originId, false, at, null, xml)));
    }

    static Element retraction(String to, String originId) {
        return Element.builder("message", "jabber:client").attr("type", "chat").attr("id", "retract-1").attr("to", to)
                .child(Element.builder("retract", NS).attr("id", originId).build())
                .child(Element.builder("fallback", "urn:xmpp:fallback:0").attr("for", NS).build())
                .child(Element.builder("body", "jabber:client").text("/me retracted a message").build())
                .build();
    }

    Element stored(String owner, String id) {
        return StoredXml.parse(archive.find(owner, id).orElseThrow().xml());
    }

    List<Element> messages(TestSession s) {
        return s.drain(e -> e.name().equals("message"));
    }

    @Test
    void serverAndAccountsAdvertiseRetractionAndTombstones() {
        assertThat(server.disco().serverFeatures()).contains(NS, NS + "#tombstone");
        assertThat(server.disco().accountFeatures()).contains(NS, NS + "#tombstone");
    }

    @Test
    void retractionWithinTheWindowIsDeliveredAndBothCopiesBecomeTombstones() {
        archived("o1", Duration.ofMinutes(5));

        server.send(alice, retraction("bob@example.com", "o1"));

        assertThat(messages(bob)).singleElement().satisfies(m -> assertThat(m.child("retract", NS).attr("id")).isEqualTo("o1"));
        assertThat(alice.drain()).isEmpty();
        for (Element tombstone : List.of(stored("alice", "a-o1"), stored("bob", "b-o1"))) {
            assertThat(tombstone.toXml()).doesNotContain("wrong chat");
            assertThat(tombstone.attr("id")).isEqualTo("o1");
            assertThat(tombstone.attr("to")).isEqualTo("bob@example.com");
            assertThat(tombstone.child("body", "jabber:client")).isNull();
            assertThat(tombstone.child("origin-id", "urn:xmpp:sid:0").attr("id")).isEqualTo("o1");
            assertThat(tombstone.child("stanza-id", "urn:xmpp:sid:0")).isNotNull();
            Element retracted = tombstone.child("retracted", NS);
            assertThat(retracted.attr("id")).isEqualTo("retract-1");
            assertThat(Instant.parse(retracted.attr("stamp"))).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                    5, java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void retractionPastTheWindowIsRefusedAndNotDelivered() {
        archived("o1", Duration.ofHours(2));

        server.send(alice, retraction("bob@example.com", "o1"));

        Element error = messages(alice).get(0);
        assertThat(errorCondition(error)).isEqualTo("not-acceptable");
        assertThat(error.toXml()).contains(Retractions.TOO_LATE);
        assertThat(messages(bob)).isEmpty();
        assertThat(stored("alice", "a-o1").toXml()).contains("wrong chat");
        assertThat(stored("bob", "b-o1").toXml()).contains("wrong chat");
    }

    @Test
    void zeroWindowSetsNoLimit() {
        start(0);
        archived("o1", Duration.ofDays(3650));

        server.send(alice, retraction("bob@example.com", "o1"));

        assertThat(messages(bob)).hasSize(1);
        assertThat(stored("alice", "a-o1").child("retracted", NS)).isNotNull();
    }

    @Test
    void retractionOfAMessageNotInTheArchiveGoesThroughUnchanged() {
        Element sent = retraction("bob@example.com", "never-archived");

        server.send(alice, sent);

        Element got = messages(bob).get(0);
        assertThat(got.child("retract", NS)).isEqualTo(sent.child("retract", NS));
        assertThat(got.childText("body", "jabber:client")).isEqualTo("/me retracted a message");
    }

    @Test
    void nobodyCanRetractAnotherPersonsMessage() {
        archived("o1", Duration.ofHours(2)); // alice's message: past the window, so a judged retraction would bounce

        server.send(bob, retraction("alice@example.com", "o1"));

        assertThat(messages(bob)).isEmpty(); // not refused: bob's copy is not his own message
        assertThat(messages(alice)).hasSize(1); // relayed; alice's client sees it is not from the author
        assertThat(stored("alice", "a-o1").toXml()).contains("wrong chat");
        assertThat(stored("bob", "b-o1").toXml()).contains("wrong chat");
    }

    @Test
    void retractingTwiceKeepsTheFirstTombstone() {
        archived("o1", Duration.ofMinutes(5));
        server.send(alice, retraction("bob@example.com", "o1"));
        Element first = stored("alice", "a-o1");

        server.send(alice, retraction("bob@example.com", "o1").withAttr("id", "retract-2"));

        assertThat(stored("alice", "a-o1")).isEqualTo(first);
    }

    @Test
    void groupchatRetractionsAreLeftToTheRoom() {
        archived("o1", Duration.ofHours(2));

        server.send(alice, retraction("room@muc.elsewhere.example", "o1").withAttr("type", "groupchat"));

        assertThat(messages(alice)).allSatisfy(m -> assertThat(errorCondition(m)).isEqualTo("remote-server-not-found"));
    }
}
