package im.tern.module.messagefeatures;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageFeaturesModuleTest {
    static final String CORRECT = MessageFeaturesModule.CORRECTION;

    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;
    TestSession bob;

    void start(MessageFeaturesModule module) {
        server = new TestServer(dir, module);
        alice = server.login("alice", "phone");
        alice.setPresence(TestStanzas.presence());
        bob = server.login("bob", "phone");
        bob.setPresence(TestStanzas.presence());
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    /** Alice's message to bob with that id, archived in her archive {@code age} ago. */
    void archivedFromAlice(String id, Duration age) {
        String xml = "<message xmlns='jabber:client' id='" + id + "'><body>helo</body></message>";
        server.store(MessageStore.class).archive(List.of(
                new ArchivedMessage("alice", "a-" + id, "bob@example.com", id, true, Instant.now().minus(age), null, xml)));
    }

    static Element correction(String replaces) {
        return Element.builder("message", "jabber:client").attr("type", "chat").attr("id", "c1").attr("to", "bob@example.com")
                .child(Element.builder("body", "jabber:client").text("hello").build())
                .child(Element.builder("replace", CORRECT).attr("id", replaces).build())
                .build();
    }

    List<Element> messages(TestSession s) {
        return s.drain(e -> e.name().equals("message"));
    }

    @Test
    void serverAnnouncesCorrectionsReactionsAndRepliesButAccountsDoNot() {
        start(new MessageFeaturesModule());
        assertThat(server.disco().serverFeatures()).contains(CORRECT, "urn:xmpp:reactions:0", "urn:xmpp:reply:0");
        assertThat(server.disco().accountFeatures()).isEmpty();
    }

    @Test
    void withoutAWindowEveryCorrectionGoesThrough() {
        start(new MessageFeaturesModule());
        archivedFromAlice("m1", Duration.ofDays(365));

        server.send(alice, correction("m1"));

        assertThat(messages(bob)).singleElement().satisfies(m -> assertThat(m.child("replace", CORRECT).attr("id")).isEqualTo("m1"));
    }

    @Test
    void correctionInsideTheWindowGoesThrough() {
        start(new MessageFeaturesModule(900));
        archivedFromAlice("m1", Duration.ofMinutes(14));

        server.send(alice, correction("m1"));

        assertThat(messages(bob)).hasSize(1);
        assertThat(alice.drain()).isEmpty();
    }

    @Test
    void correctionPastTheWindowIsRefused() {
        start(new MessageFeaturesModule(900));
        archivedFromAlice("m1", Duration.ofMinutes(16));

        server.send(alice, correction("m1"));

        Element error = messages(alice).get(0);
        assertThat(errorCondition(error)).isEqualTo("not-acceptable");
        assertThat(error.toXml()).contains(EditWindow.TOO_LATE);
        assertThat(messages(bob)).isEmpty();
    }

    @Test
    void correctionOfAMessageNotInTheSendersArchiveGoesThrough() {
        start(new MessageFeaturesModule(900));
        // bob's old message to alice, in alice's archive as received: alice cannot have it judged as hers
        server.store(MessageStore.class).archive(List.of(new ArchivedMessage("alice", "x", "bob@example.com", "m1", false,
                Instant.now().minus(Duration.ofDays(1)), null, "<message xmlns='jabber:client'/>")));

        server.send(alice, correction("m1"));
        server.send(alice, correction("unknown"));

        assertThat(messages(bob)).hasSize(2);
    }
}
