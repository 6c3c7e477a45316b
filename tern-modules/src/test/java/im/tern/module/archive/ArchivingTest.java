package im.tern.module.archive;

import static im.tern.module.archive.Mam.field;
import static im.tern.module.archive.Mam.eventually;
import static im.tern.module.archive.Mam.form;
import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.testing.TestSession;
import im.tern.module.testing.TestStanzas;
import im.tern.xml.Element;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the archive keeps, the stanza ids it hands out, and how messages leave it. */
class ArchivingTest extends ArchiveTestBase {
    @Test
    void theRecipientGetsAStanzaIdByItsBareJidNamingTheArchivedCopy() {
        server.send(alice, chat("bob@example.com", "hello"));

        Element received = bob.drain().get(0);
        List<Element> ids = received.elements("stanza-id", SID);
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0).attr("by")).isEqualTo("bob@example.com");
        String id = ids.get(0).attr("id");
        assertThat(id).hasSize(22);
        var archived = store().find("bob", id).orElseThrow();
        assertThat(archived.with()).isEqualTo("alice@example.com");
        assertThat(archived.outgoing()).isFalse();
        assertThat(archived.xml()).contains("hello").doesNotContain("stanza-id");
    }

    @Test
    void aStanzaIdForgedByTheSenderIsRemovedWhileOthersStay() {
        Element forged = Element.builder("stanza-id", SID).attr("by", "Bob@Example.com").attr("id", "forged").build();
        Element foreign = Element.builder("stanza-id", SID).attr("by", "room@muc.example.com").attr("id", "keep").build();
        server.send(alice, chat("bob@example.com", "hi", forged, foreign));

        List<Element> ids = bob.drain().get(0).elements("stanza-id", SID);
        assertThat(ids).extracting(e -> e.attr("id")).doesNotContain("forged").contains("keep").hasSize(2);
        assertThat(ids).filteredOn(e -> "bob@example.com".equals(e.attr("by"))).hasSize(1);
    }

    @Test
    void aForgedStanzaIdIsRemovedEvenFromMessagesThatAreNotArchived() {
        Element forged = Element.builder("stanza-id", SID).attr("by", "bob@example.com").attr("id", "forged").build();
        server.send(alice, Element.builder("message", "jabber:client").attr("type", "chat").attr("to", "bob@example.com")
                .child(Element.empty("composing", "http://jabber.org/protocol/chatstates")).child(forged).build());

        assertThat(bob.drain().get(0).elements("stanza-id", SID)).isEmpty();
    }

    @Test
    void senderAndRecipientEachArchiveTheMessageWithTheirOwnId() {
        server.send(alice, chat("bob@example.com", "both sides"));
        bob.drain();

        Mam.Answer sent = Mam.query(server, alice, null, null);
        Mam.Answer received = Mam.query(server, bob, null, null);
        assertThat(sent.bodies()).containsExactly("both sides");
        assertThat(received.bodies()).containsExactly("both sides");
        assertThat(sent.ids()).doesNotContainAnyElementsOf(received.ids());
        assertThat(store().find("alice", sent.ids().get(0)).orElseThrow().outgoing()).isTrue();
        assertThat(store().find("alice", sent.ids().get(0)).orElseThrow().with()).isEqualTo("bob@example.com");
        assertThat(sent.messages().get(0).attr("from")).isEqualTo("alice@example.com/phone");
    }

    @Test
    void aNoteToSelfIsArchivedOnce() {
        TestSession aliceDesk = online("alice", "desk");
        server.send(alice, chat("alice@example.com/desk", "note"));
        aliceDesk.drain();

        assertThat(Mam.query(server, alice, null, null).bodies()).containsExactly("note");
        assertThat(Mam.query(server, alice, form(field("with", "alice@example.com")), null).bodies()).containsExactly("note");
    }

    @Test
    void transientMessagesAreNotArchived() {
        server.send(alice, Element.builder("message", "jabber:client").attr("type", "chat").attr("to", "bob@example.com")
                .child(Element.empty("composing", "http://jabber.org/protocol/chatstates")).build());
        server.send(alice, chat("bob@example.com", "secret", Element.empty("no-store", Storable.HINTS)));
        server.send(alice, chat("bob@example.com", "passing", Element.empty("no-permanent-store", Storable.HINTS)));
        server.send(alice, Element.builder("message", "jabber:client").attr("type", "headline").attr("to", "bob@example.com")
                .child(Element.builder("body", "jabber:client").text("news").build()).build());

        assertThat(bob.drain()).hasSize(4).allSatisfy(m -> assertThat(m.elements("stanza-id", SID)).isEmpty());
        assertThat(Mam.query(server, bob, null, null).results()).isEmpty();
        assertThat(Mam.query(server, alice, null, null).results()).isEmpty();
    }

    @Test
    void receiptsAndMarkersAreArchived() {
        server.send(bob, Element.builder("message", "jabber:client").attr("to", "alice@example.com")
                .child(Element.builder("received", "urn:xmpp:receipts").attr("id", "m1").build()).build());
        server.send(bob, Element.builder("message", "jabber:client").attr("type", "chat").attr("to", "alice@example.com")
                .child(Element.builder("displayed", "urn:xmpp:chat-markers:0").attr("id", "m1").build()).build());

        assertThat(Mam.query(server, alice, null, null).results()).hasSize(2);
    }

    @Test
    void aDisappearingMessageLeavesTheArchiveWhenItsTimerRunsOut() {
        Element ephemeral = Element.builder(Ephemeral.ELEMENT, Ephemeral.NAMESPACE).attr("timer", "60").build();
        server.send(alice, chat("bob@example.com", "soon gone", ephemeral));
        server.send(alice, chat("bob@example.com", "stays"));
        String id = bob.drain().get(0).child("stanza-id", SID).attr("id");
        assertThat(Mam.query(server, bob, null, null).bodies()).containsExactly("soon gone", "stays");
        assertThat(store().find("bob", id).orElseThrow().expiresAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));

        assertThat(Mam.query(server, bob, null, null).bodies()).containsExactly("stays");
        assertThat(Mam.query(server, alice, null, null).bodies()).containsExactly("stays");
        assertThat(errorCondition(Mam.query(server, bob, form(field("ids", id)), null).reply())).isEqualTo("item-not-found");
        eventually(() -> store().find("bob", id).isEmpty());
    }

    @Test
    void messagesOlderThanTheRetentionAreSwept() {
        aliceSends(2);
        clock.advance(Duration.ofDays(366));
        server.send(alice, chat("bob@example.com", "recent"));
        eventually(() -> Mam.query(server, bob, null, null).bodies().equals(List.of("recent")));
    }

    @Test
    void theOriginIdIsRecordedForRetractions() {
        server.send(alice, chat("bob@example.com", "oops", Element.builder("origin-id", SID).attr("id", "o-1").build()));
        assertThat(store().findByOriginId("bob", "alice@example.com", "o-1", false)).isPresent();
        assertThat(store().findByOriginId("alice", "bob@example.com", "o-1", true)).isPresent();
    }

    @Test
    void aMessageForAnAccountWithNoDeviceOnlineIsArchivedToo() {
        server.login("dave", "off").drain();
        server.send(alice, chat("dave@example.com", "later"));
        assertThat(Mam.query(server, server.login("dave", "on"), null, null).bodies()).containsExactly("later");
    }

    @Test
    void aDeletedAccountTakesItsArchiveWithIt() {
        aliceSends(3);
        server.fire(new Events.AccountDeleted(Jid.of("bob@example.com")));
        assertThat(Mam.query(server, bob, null, null).results()).isEmpty();
        assertThat(Mam.query(server, alice, null, null).results()).hasSize(3);
    }

    @Test
    void accountsAdvertiseTheArchiveAndStanzaIds() {
        assertThat(server.disco().accountFeatures()).contains(Mam.NS, ArchiveModule.EXTENDED, SID);
        assertThat(server.disco().serverFeatures()).contains(SID);
    }
}
