package im.tern.server.http;

import im.tern.core.Namespaces;
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** RFC 7395 framing: {@code <open/>} and {@code <close/>}, and stanzas that each declare {@code jabber:client}. */
final class Framing {
    static final String CLOSE = "<close xmlns=\"" + Namespaces.FRAMING + "\"/>";
    private static final String XML_ATTR = "{" + Namespaces.XML + "}";
    private static final byte[] CLIENT_NS = (" xmlns=\"" + Namespaces.CLIENT + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANY_NS = " xmlns=\"".getBytes(StandardCharsets.US_ASCII);

    private Framing() {}

    static boolean isOpen(Element e) { return e.is("open", Namespaces.FRAMING); }

    static boolean isClose(Element e) { return e.is("close", Namespaces.FRAMING); }

    /**
     * The client's {@code <open/>} as the stream header a TCP client would have sent, so the same checks
     * ({@code to}, {@code version}) apply.
     */
    static StreamHeader header(Element open) {
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < open.attrCount(); i++) {
            String name = open.attrName(i);
            attrs.put(name.startsWith(XML_ATTR) ? "xml:" + name.substring(XML_ATTR.length()) : name, open.attrValue(i));
        }
        return new StreamHeader("stream", Namespaces.STREAM, Namespaces.CLIENT, attrs);
    }

    /** Our {@code <open/>} (RFC 7395 section 3.4). */
    static String open(String id, String from, String to) {
        Element open = Element.builder("open", Namespaces.FRAMING).attr("from", from).attr("to", to).attr("id", id)
                .attr("version", "1.0").attr(XML_ATTR + "lang", "en").build();
        StringBuilder sb = new StringBuilder(160);
        XmlWriter.write(open, sb, null);
        return sb.toString();
    }

    /**
     * A stanza serialised inside a {@code jabber:client} stream (no {@code xmlns} on its root) made to stand
     * alone: the declaration goes right after the element name, where {@link XmlWriter} puts namespaces.
     */
    static byte[] standalone(byte[] serialised) {
        int end = 1;
        while (end < serialised.length && serialised[end] != ' ' && serialised[end] != '/' && serialised[end] != '>') end++;
        if (startsWith(serialised, end, ANY_NS)) return serialised;
        byte[] out = new byte[serialised.length + CLIENT_NS.length];
        System.arraycopy(serialised, 0, out, 0, end);
        System.arraycopy(CLIENT_NS, 0, out, end, CLIENT_NS.length);
        System.arraycopy(serialised, end, out, end + CLIENT_NS.length, serialised.length - end);
        return out;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length - at < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[at + i] != prefix[i]) return false;
        return true;
    }
}
