package im.tern.core;

import im.tern.xml.Element;

/**
 * A routed stanza: the element and its parsed addresses. The element's {@code from} and {@code to}
 * attributes always agree with the fields; {@link #withFrom} and {@link #withTo} keep them so.
 */
public final class Stanza {
    public enum Kind { MESSAGE, PRESENCE, IQ }

    private final Element element;
    private final Kind kind;
    private final Jid from;
    private final Jid to;

    private Stanza(Element element, Kind kind, Jid from, Jid to) {
        this.element = element;
        this.kind = kind;
        this.from = from;
        this.to = to;
    }

    /** Wraps an element whose addresses are already known valid (or absent). */
    public static Stanza of(Element element) {
        return new Stanza(element, kindOf(element), Jid.parse(element.attr("from")), Jid.parse(element.attr("to")));
    }

    public static Kind kindOf(Element e) {
        return switch (e.name()) {
            case "message" -> Kind.MESSAGE;
            case "presence" -> Kind.PRESENCE;
            case "iq" -> Kind.IQ;
            default -> throw new IllegalArgumentException("not a stanza: " + e.name());
        };
    }

    public static boolean isStanza(Element e) {
        String ns = e.namespace();
        if (!ns.equals(Namespaces.CLIENT) && !ns.equals(Namespaces.SERVER)) return false;
        String n = e.name();
        return n.equals("message") || n.equals("presence") || n.equals("iq");
    }

    public Element element() { return element; }

    public Kind kind() { return kind; }

    public Jid from() { return from; }

    public Jid to() { return to; }

    public String id() { return element.attr("id"); }

    /** The type attribute, or null. */
    public String type() { return element.attr("type"); }

    public boolean isError() { return "error".equals(type()); }

    public Stanza withFrom(Jid newFrom) {
        return new Stanza(element.withAttr("from", newFrom == null ? null : newFrom.toString()), kind, newFrom, to);
    }

    public Stanza withTo(Jid newTo) {
        return new Stanza(element.withAttr("to", newTo == null ? null : newTo.toString()), kind, from, newTo);
    }

    public Stanza withElement(Element e) {
        return new Stanza(e, kind, from, to);
    }

    /**
     * The error reply to this stanza (RFC 6120 section 8.3.1): addresses swapped, type error, the same
     * id, and the error child. The original payload is not echoed (the RFC makes it optional): it
     * doubles the bytes, and some clients choke on parsing their own request back inside an error.
     */
    public Stanza errorReply(StanzaError error, String text) {
        Element.Builder b = Element.builder(element.name(), element.namespace())
                .attr("type", "error").attr("id", id())
                .attr("from", to == null ? null : to.toString())
                .attr("to", from == null ? null : from.toString());
        b.child(error.toElement(text));
        return new Stanza(b.build(), kind, to, from);
    }

    public Stanza errorReply(StanzaError error) { return errorReply(error, null); }

    @Override
    public String toString() { return element.toXml(); }
}
