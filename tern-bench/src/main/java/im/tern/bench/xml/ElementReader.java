package im.tern.bench.xml;

import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.XmlStreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one complete element from text into an {@link Element}, resolving namespaces. Forgiving:
 * comments and processing instructions are skipped, unknown entities are kept as written.
 */
final class ElementReader {
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private final String s;
    private int i;

    private ElementReader(String s) {
        this.s = s;
    }

    static Element read(String xml, Namespaces scope) throws XmlStreamException {
        try {
            return new ElementReader(xml).element(scope);
        } catch (RuntimeException e) {
            throw new XmlStreamException("not-well-formed", "cannot read " + abbreviate(xml), e);
        }
    }

    /** Reads a stream's opening tag, e.g. {@code <stream:stream xmlns='jabber:client' ...>}. */
    static StreamHeader header(String tag) throws XmlStreamException {
        try {
            ElementReader r = new ElementReader(tag);
            r.expect('<');
            String qname = r.name();
            List<String> raw = new ArrayList<>();
            r.attributes(raw);
            Map<String, String> attrs = new HashMap<>();
            String defaultNs = "";
            for (int k = 0; k < raw.size(); k += 2) {
                attrs.put(raw.get(k), raw.get(k + 1));
                if (raw.get(k).equals("xmlns")) defaultNs = raw.get(k + 1);
            }
            int colon = qname.indexOf(':');
            String prefix = colon < 0 ? null : qname.substring(0, colon);
            String ns = prefix == null ? defaultNs : attrs.getOrDefault("xmlns:" + prefix, Namespaces.STREAMS);
            return new StreamHeader(qname.substring(colon + 1), ns, defaultNs, attrs);
        } catch (RuntimeException e) {
            throw new XmlStreamException("not-well-formed", "cannot read stream header " + abbreviate(tag), e);
        }
    }

    private Element element(Namespaces scope) {
        expect('<');
        String qname = name();
        List<String> raw = new ArrayList<>(8);
        boolean empty = attributes(raw);
        for (int k = 0; k < raw.size(); k += 2) {
            String n = raw.get(k);
            if (n.equals("xmlns")) scope = scope.withDefault(raw.get(k + 1));
            else if (n.startsWith("xmlns:")) scope = scope.withPrefix(n.substring(6), raw.get(k + 1));
        }
        int colon = qname.indexOf(':');
        String ns = colon < 0 ? scope.defaultNamespace() : scope.resolve(qname.substring(0, colon));
        Element.Builder b = Element.builder(qname.substring(colon + 1), ns);
        for (int k = 0; k < raw.size(); k += 2) {
            String n = raw.get(k);
            if (n.equals("xmlns") || n.startsWith("xmlns:")) continue;
            int c = n.indexOf(':');
            if (c < 0) b.attr(n, raw.get(k + 1));
            else {
                String uri = scope.resolve(n.substring(0, c));
                b.attr(uri.equals(XML_NS) ? "xml:" + n.substring(c + 1) : "{" + uri + "}" + n.substring(c + 1), raw.get(k + 1));
            }
        }
        if (empty) return b.build();
        while (true) {
            int lt = s.indexOf('<', i);
            if (lt < 0) throw new IllegalStateException("unclosed <" + qname + ">");
            if (lt > i) b.text(decode(s.substring(i, lt)));
            i = lt;
            if (s.startsWith("</", i)) {
                i = s.indexOf('>', i) + 1;
                return b.build();
            } else if (s.startsWith("<!--", i)) {
                i = s.indexOf("-->", i) + 3;
            } else if (s.startsWith("<![CDATA[", i)) {
                int end = s.indexOf("]]>", i);
                b.text(s.substring(i + 9, end));
                i = end + 3;
            } else if (s.startsWith("<?", i)) {
                i = s.indexOf("?>", i) + 2;
            } else {
                b.child(element(scope));
            }
        }
    }

    /** Reads attributes into name/value pairs; true when the tag closes itself. */
    private boolean attributes(List<String> out) {
        while (true) {
            skipSpace();
            char c = s.charAt(i);
            if (c == '/') {
                i += 2;
                return true;
            }
            if (c == '>') {
                i++;
                return false;
            }
            String n = name();
            skipSpace();
            expect('=');
            skipSpace();
            char quote = s.charAt(i++);
            int end = s.indexOf(quote, i);
            out.add(n);
            out.add(decode(s.substring(i, end)));
            i = end + 1;
        }
    }

    private String name() {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '=') break;
            i++;
        }
        if (i == start) throw new IllegalStateException("name expected at " + i);
        return s.substring(start, i);
    }

    private void skipSpace() {
        while (Character.isWhitespace(s.charAt(i))) i++;
    }

    private void expect(char c) {
        if (s.charAt(i) != c) throw new IllegalStateException("'" + c + "' expected at " + i);
        i++;
    }

    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (amp >= 0) {
            out.append(text, from, amp);
            int semi = text.indexOf(';', amp);
            String ref = semi < 0 ? "" : text.substring(amp + 1, semi);
            String decoded = switch (ref) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> ref.startsWith("#x") ? Character.toString(Integer.parseInt(ref.substring(2), 16))
                        : ref.startsWith("#") ? Character.toString(Integer.parseInt(ref.substring(1))) : null;
            };
            if (decoded == null) {
                out.append('&');
                from = amp + 1;
            } else {
                out.append(decoded);
                from = semi + 1;
            }
            amp = text.indexOf('&', from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static String abbreviate(String xml) {
        return xml.length() > 200 ? xml.substring(0, 200) + "..." : xml;
    }
}
