package im.tern.server.sm;

import im.tern.core.Namespaces;
import im.tern.xml.Element;

/** The XEP-0198 elements. */
public final class Sm {
    public static final String NS = "urn:xmpp:sm:3";
    static final Element REQUEST = Element.empty("r", NS);
    public static final Element FEATURE = Element.empty("sm", NS);

    private Sm() {}

    public static boolean is(Element e, String name) { return e.is(name, NS); }

    /** {@code h} is sent modulo 2^32 (XEP-0198 section 5). */
    public static Element ack(long h) {
        return Element.builder("a", NS).attr("h", Long.toString(h & 0xFFFFFFFFL)).build();
    }

    public static Element enabled(String id, boolean resume, long maxSeconds) {
        Element.Builder b = Element.builder("enabled", NS);
        if (resume) b.attr("id", id).attr("resume", "true").attr("max", Long.toString(maxSeconds));
        return b.build();
    }

    public static Element resumed(long h, String previd) {
        return Element.builder("resumed", NS).attr("h", Long.toString(h & 0xFFFFFFFFL)).attr("previd", previd).build();
    }

    /** A {@code <failed/>} with a stanza error condition and, where known, the server's handled count. */
    public static Element failed(String condition, Long h) {
        Element.Builder b = Element.builder("failed", NS);
        if (h != null) b.attr("h", Long.toString(h & 0xFFFFFFFFL));
        return b.child(Element.empty(condition, Namespaces.STANZA_ERRORS)).build();
    }

    /** The {@code h} attribute as an unsigned 32-bit count, or -1 when missing or malformed. */
    public static long h(Element e) { return unsigned(e.attr("h")); }

    /** An unsigned 32-bit count, or -1 when missing or malformed. */
    public static long unsigned(String v) {
        if (v == null) return -1;
        try {
            long h = Long.parseLong(v.trim());
            return h < 0 || h > 0xFFFFFFFFL ? -1 : h;
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** XEP-0198 section 4: "true" or "1". */
    public static boolean truthy(String v) { return "true".equals(v) || "1".equals(v); }
}
