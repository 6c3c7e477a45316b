package im.tern.core;

import im.tern.xml.Element;

/** Builders for IQ replies. */
public final class Iq {
    private Iq() {}

    /** A {@code type="result"} reply to the request, with an optional payload. */
    public static Stanza result(Stanza request, Element payload) {
        Element.Builder b = Element.builder("iq", Namespaces.CLIENT)
                .attr("type", "result").attr("id", request.id())
                .attr("from", request.to() == null ? null : request.to().toString())
                .attr("to", request.from() == null ? null : request.from().toString())
                .child(payload);
        return Stanza.of(b.build());
    }

    public static Stanza result(Stanza request) { return result(request, null); }

    /** The request's first child element: the IQ's payload. */
    public static Element payload(Stanza iq) { return iq.element().firstElement(); }

    /** A new request from the server. */
    public static Element request(String type, String id, Jid from, Jid to, Element payload) {
        return Element.builder("iq", Namespaces.CLIENT).attr("type", type).attr("id", id)
                .attr("from", from == null ? null : from.toString())
                .attr("to", to == null ? null : to.toString())
                .child(payload).build();
    }
}
