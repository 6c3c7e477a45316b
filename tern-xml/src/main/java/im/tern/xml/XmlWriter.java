package im.tern.xml;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serialises elements to XML text. A namespace is declared only where it differs from the parent's,
 * so stanzas written inside a stream with the default namespace {@code jabber:client} carry no
 * redundant {@code xmlns}.
 */
public final class XmlWriter {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String STREAMS_NS = "http://etherx.jabber.org/streams";
    private static final char REPLACEMENT = '\uFFFD';

    private XmlWriter() {}

    /**
     * Appends the element. {@code parentNamespace} is the default namespace in force where it is
     * written (for a stanza, the stream's); null declares the element's namespace unconditionally.
     */
    public static void write(Element e, StringBuilder out, String parentNamespace) {
        out.append('<').append(e.name());
        if (parentNamespace == null || !parentNamespace.equals(e.namespace())) {
            out.append(" xmlns=\"");
            escapeAttr(e.namespace(), out);
            out.append('"');
        }
        int prefixes = 0;
        for (int i = 0; i < e.attrCount(); i++) {
            String n = e.attrName(i);
            out.append(' ');
            if (n.charAt(0) == '{') {
                int close = n.indexOf('}');
                String uri = n.substring(1, close);
                if (uri.equals(XML_NS)) {
                    out.append("xml:").append(n, close + 1, n.length());
                } else {
                    String prefix = "ns" + (prefixes++);
                    out.append("xmlns:").append(prefix).append("=\"");
                    escapeAttr(uri, out);
                    out.append("\" ").append(prefix).append(':').append(n, close + 1, n.length());
                }
            } else {
                out.append(n);
            }
            out.append("=\"");
            escapeAttr(e.attrValue(i), out);
            out.append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Object c : e.children()) {
            if (c instanceof Element child) write(child, out, e.namespace());
            else escapeText((String) c, out);
        }
        out.append("</").append(e.name()).append('>');
    }

    /** The element as UTF-8 bytes, ready for the socket; see {@link #write} for {@code parentNamespace}. */
    public static byte[] toUtf8(Element e, String parentNamespace) {
        StringBuilder sb = new StringBuilder(256);
        write(e, sb, parentNamespace);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An XML declaration and the stream's opening tag, never closed: {@code <?xml version='1.0'?><stream:stream
     * xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='..' version='1.0'>}. The root
     * is prefixed {@code stream} unless its namespace is the default one.
     */
    public static String streamHeader(StreamHeader h) {
        StringBuilder out = new StringBuilder(256).append("<?xml version='1.0'?><");
        boolean prefixed = !h.namespace().equals(h.defaultNamespace());
        String prefix = STREAMS_NS.equals(h.namespace()) ? "stream" : "ns";
        if (prefixed) out.append(prefix).append(':');
        out.append(h.name());
        if (!h.defaultNamespace().isEmpty() || !prefixed) declare(out, "xmlns", h.defaultNamespace());
        if (prefixed) declare(out, "xmlns:" + prefix, h.namespace());
        int prefixes = 0;
        for (Map.Entry<String, String> a : h.attributes().entrySet()) {
            String n = a.getKey();
            if (n.charAt(0) == '{') {
                int close = n.indexOf('}');
                String p = "a" + (prefixes++);
                declare(out, "xmlns:" + p, n.substring(1, close));
                n = p + ':' + n.substring(close + 1);
            }
            declare(out, n, a.getValue());
        }
        return out.append('>').toString();
    }

    private static void declare(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("='");
        escapeAttr(value, out);
        out.append('\'');
    }

    /**
     * Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates)
     * become U+FFFD: text from outside XMPP (the HTTP API) must never make the recipient's stream
     * not-well-formed. Returns how many chars it consumed at {@code i} (2 for a surrogate pair).
     */
    private static int appendChar(String s, int i, char c, StringBuilder out) {
        if (c < 0x20 || c >= 0xFFFE) {
            out.append(REPLACEMENT);
        } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(i + 1));
                return 2;
            }
            out.append(REPLACEMENT);
        } else {
            out.append(c);
        }
        return 1;
    }

    public static void escapeText(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; ) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                case '\n', '\t' -> out.append(c);
                default -> {
                    i += appendChar(s, i, c, out);
                    continue;
                }
            }
            i++;
        }
    }

    public static void escapeAttr(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; ) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    i += appendChar(s, i, c, out);
                    continue;
                }
            }
            i++;
        }
    }
}
