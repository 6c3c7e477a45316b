package im.tern.module.chatstates;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatStatesModuleTest {
    static final String NS = ChatStatesModule.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() { server = new TestServer(dir, new ChatStatesModule()); }

    @AfterEach
    void stop() { server.close(); }

    static Element message(Element... children) {
        Element.Builder b = Element.builder("message", "jabber:client").attr("type", "chat")
                .attr("from", "bob@example.com/desk").attr("to", "alice@example.com");
        for (Element c : children) b.child(c);
        return b.build();
    }

    static Element body(String text) { return Element.builder("body", "jabber:client").text(text).build(); }

    Hook.Outcome undeliverable(Element message) {
        return server.fire(new Events.UndeliverableMessage(Stanza.of(message)));
    }

    @Test
    void undeliverableComposingIsDroppedBeforeAnyOfflineStore() {
        assertThat(undeliverable(message(Element.empty("composing", NS)))).isEqualTo(Hook.Outcome.STOP);
    }

    @Test
    void chatStateWithThreadHintsAndIdsIsStillOnlyAChatState() {
        Element thread = Element.builder("thread", "jabber:client").text("t1").build();
        assertThat(undeliverable(message(Element.empty("paused", NS), thread, Element.empty("no-store", "urn:xmpp:hints"),
                Element.builder("origin-id", "urn:xmpp:sid:0").attr("id", "x").build()))).isEqualTo(Hook.Outcome.STOP);
    }

    @Test
    void messageWithABodyAndAChatStateIsLeftForOfflineStorage() {
        assertThat(undeliverable(message(body("hi"), Element.empty("active", NS)))).isEqualTo(Hook.Outcome.CONTINUE);
    }

    @Test
    void messageWithOtherPayloadIsLeftAlone() {
        assertThat(undeliverable(message(Element.empty("gone", NS), Element.empty("received", "urn:xmpp:receipts"))))
                .isEqualTo(Hook.Outcome.CONTINUE);
        assertThat(undeliverable(message(Element.empty("x", "jabber:x:oob")))).isEqualTo(Hook.Outcome.CONTINUE);
    }

    @Test
    void chatStatesPassBetweenOnlineUsers() {
        TestSession alice = server.login("alice", "phone");
        alice.setPresence(Element.empty("presence", "jabber:client"));
        TestSession bob = server.login("bob", "desk");
        server.send(bob, message(Element.empty("composing", NS)).withAttr("from", null));
        assertThat(alice.drain()).singleElement().satisfies(m -> assertThat(m.child("composing", NS)).isNotNull());
    }

    @Test
    void serverAnnouncesChatStates() {
        assertThat(server.disco().serverFeatures()).contains(NS);
    }
}
