package im.tern.module.broadcast;

import im.tern.core.Jid;
import im.tern.xml.Element;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code <addresses/>} of a message sent to the multicast service, read and rewritten for delivery. */
final class Addresses {
    static final Set<String> DELIVERING = Set.of("to", "cc", "bcc");
    static final Set<String> KNOWN = Set.of("to", "cc", "bcc", "replyto", "replyroom", "noreply", "ofrom");

    /** What is wrong with the element, or null when the recipients were read. */
    enum Fault { UNKNOWN_TYPE, MALFORMED_JID }

    record Parsed(Set<Jid> recipients, Fault fault) {}

    private Addresses() {}

    static Parsed recipients(Element addresses) {
        Set<Jid> out = new LinkedHashSet<>();
        for (Element a : addresses.elements("address", BroadcastModule.NAMESPACE)) {
            String type = a.attr("type");
            if (type == null || !KNOWN.contains(type)) return new Parsed(Set.of(), Fault.UNKNOWN_TYPE);
            if (!DELIVERING.contains(type) || "true".equals(a.attr("delivered"))) continue;
            String jid = a.attr("jid");
            if (jid == null) continue; // a URI: not ours to deliver
            Jid parsed = Jid.parse(jid);
            if (parsed == null) return new Parsed(Set.of(), Fault.MALFORMED_JID);
            out.add(parsed);
        }
        return new Parsed(out, null);
    }

    /** The element each copy carries: bcc addresses gone, every other address marked delivered. */
    static Element delivered(Element addresses) {
        List<Object> kept = new java.util.ArrayList<>();
        for (Object child : addresses.children()) {
            if (child instanceof Element a && a.is("address", BroadcastModule.NAMESPACE)) {
                if ("bcc".equals(a.attr("type"))) continue;
                kept.add(a.withAttr("delivered", "true"));
            } else if (child instanceof Element other) {
                kept.add(other);
            }
        }
        return addresses.withChildren(kept);
    }
}
