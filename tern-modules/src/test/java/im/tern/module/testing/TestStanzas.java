package im.tern.module.testing;

import im.tern.xml.Element;

/** Short builders for what test clients send. */
public final class TestStanzas {
    private TestStanzas() {}

    public static Element presence() {
        return Element.empty("presence", "jabber:client");
    }

    /** A presence with a type (null for available) and an addressee (null for a broadcast). */
    public static Element presence(String type, String to) {
        return Element.builder("presence", "jabber:client").attr("type", type).attr("to", to).build();
    }

    public static Element query(String namespace) {
        return Element.empty("query", namespace);
    }

    /** The condition of an error reply, or null when the stanza is no error. */
    public static String errorCondition(Element stanza) {
        if (!"error".equals(stanza.attr("type"))) return null;
        Element error = stanza.child("error", "jabber:client");
        Element condition = error == null ? null : error.childIn("urn:ietf:params:xml:ns:xmpp-stanzas");
        return condition == null ? null : condition.name();
    }
}
