package im.tern.xml;

/**
 * Serialises elements to XML text. A namespace is declared only where it differs from the parent's,
 * so stanzas written inside a stream with the default namespace {@code jabber:client} carry no
 * redundant {@code xmlns}.
 */
public final class XmlWriter {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

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

    public static void escapeText(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    public static void escapeAttr(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; i++) {
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
                default -> out.append(c);
            }
        }
    }
}
