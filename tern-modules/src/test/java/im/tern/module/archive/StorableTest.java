package im.tern.module.archive;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Stanza;
import im.tern.xml.Element;
import org.junit.jupiter.api.Test;

class StorableTest {
    static Stanza message(String type, Element... children) {
        Element.Builder b = Element.builder("message", "jabber:client").attr("type", type)
                .attr("from", "alice@example.com/phone").attr("to", "bob@example.com");
        for (Element c : children) b.child(c);
        return Stanza.of(b.build());
    }

    static Element body(String text) {
        return Element.builder("body", "jabber:client").text(text).build();
    }

    static Element empty(String name, String ns) {
        return Element.empty(name, ns);
    }

    @Test
    void chatAndNormalMessagesWithABodyAreKept() {
        for (String type : new String[] {"chat", "normal", null}) {
            assertThat(Storable.forArchive(message(type, body("hi")))).as(type).isTrue();
            assertThat(Storable.forOffline(message(type, body("hi")))).as(type).isTrue();
        }
    }

    @Test
    void groupchatHeadlineAndErrorsAreNotKept() {
        for (String type : new String[] {"groupchat", "headline", "error"}) {
            assertThat(Storable.forArchive(message(type, body("hi")))).as(type).isFalse();
            assertThat(Storable.forOffline(message(type, body("hi")))).as(type).isFalse();
        }
    }

    @Test
    void receiptsMarkersReactionsRetractionsCorrectionsAndEncryptedPayloadsAreKept() {
        Element[] payloads = {
            Element.builder("received", "urn:xmpp:receipts").attr("id", "m1").build(),
            Element.builder("received", "urn:xmpp:chat-markers:0").attr("id", "m1").build(),
            Element.builder("displayed", "urn:xmpp:chat-markers:0").attr("id", "m1").build(),
            Element.builder("acknowledged", "urn:xmpp:chat-markers:0").attr("id", "m1").build(),
            Element.builder("reactions", "urn:xmpp:reactions:0").attr("id", "m1").build(),
            Element.builder("retract", "urn:xmpp:message-retract:1").attr("id", "m1").build(),
            Element.builder("replace", "urn:xmpp:message-correct:0").attr("id", "m1").build(),
            empty("encrypted", "eu.siacs.conversations.axolotl"),
            empty("encrypted", "urn:xmpp:omemo:2"),
            empty("store", Storable.HINTS),
        };
        for (Element p : payloads) {
            assertThat(Storable.forArchive(message("chat", p))).as(p.toXml()).isTrue();
            assertThat(Storable.forOffline(message("chat", p))).as(p.toXml()).isTrue();
        }
    }

    @Test
    void chatStatesAloneAreNeverKept() {
        Stanza composing = message("chat", empty("composing", "http://jabber.org/protocol/chatstates"));
        assertThat(Storable.forArchive(composing)).isFalse();
        assertThat(Storable.forOffline(composing)).isFalse();
        Stanza markable = message("chat", empty("markable", "urn:xmpp:chat-markers:0"), empty("request", "urn:xmpp:receipts"));
        assertThat(Storable.forOffline(markable)).isFalse();
    }

    @Test
    void aChatStateBesideABodyDoesNotStopTheBody() {
        assertThat(Storable.forOffline(message("chat", body("hi"), empty("active", "http://jabber.org/protocol/chatstates")))).isTrue();
    }

    @Test
    void noStoreKeepsAMessageOutOfBoth() {
        Stanza m = message("chat", body("secret"), empty("no-store", Storable.HINTS));
        assertThat(Storable.forArchive(m)).isFalse();
        assertThat(Storable.forOffline(m)).isFalse();
    }

    @Test
    void noPermanentStoreKeepsAMessageOutOfTheArchiveOnly() {
        Stanza m = message("chat", body("for now"), empty("no-permanent-store", Storable.HINTS));
        assertThat(Storable.forArchive(m)).isFalse();
        assertThat(Storable.forOffline(m)).isTrue();
    }

    @Test
    void presenceIsNeverAMessageToKeep() {
        Stanza p = Stanza.of(Element.builder("presence", "jabber:client").child(body("x")).build());
        assertThat(Storable.forOffline(p)).isFalse();
    }
}
