package im.tern.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds {@link Element}s from StAX events, enforcing depth and attribute limits. Text arriving in
 * pieces (Aalto hands over what each feed holds) is gathered in one buffer and flushed once, so
 * byte-at-a-time input costs no more than whole input.
 */
final class ElementAssembler {
    private final XmlLimits limits;
    private Element.Builder[] stack = new Element.Builder[4];
    private int size;
    private StringBuilder text;
    private int names;        // element, attribute and prefix names read since takeNames()

    ElementAssembler(XmlLimits limits) {
        this.limits = limits;
    }

    /** Depth of the element being built: 1 inside a top-level element, 0 between them. */
    int depth() { return size; }

    void start(XMLStreamReader r) throws XmlStreamException {
        if (size >= limits.maxDepth()) throw Refusals.policy("elements nested deeper than " + limits.maxDepth());
        int attrs = r.getAttributeCount();
        if (attrs + r.getNamespaceCount() > limits.maxAttributes()) {
            throw Refusals.policy("more than " + limits.maxAttributes() + " attributes and namespace declarations");
        }
        noteNames(1 + attrs + r.getNamespaceCount());
        flushText();
        Element.Builder b = Element.builder(r.getLocalName(), r.getNamespaceURI());
        for (int i = 0; i < attrs; i++) b.attr(attrName(r, i), r.getAttributeValue(i));
        if (size == stack.length) stack = java.util.Arrays.copyOf(stack, size * 2);
        stack[size++] = b;
    }

    void noteNames(int count) { names += count; }

    /** How many names were read since the last call: see {@link RestrictedXmlFactory#close}. */
    int takeNames() {
        int n = names;
        names = 0;
        return n;
    }

    void text(XMLStreamReader r) {
        if (text == null) text = new StringBuilder(Math.max(16, r.getTextLength()));
        text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
    }

    /** Closes the current element; returns it, already added to its parent if it has one. */
    Element end() {
        flushText();
        Element e = stack[--size].build();
        stack[size] = null;
        if (size > 0) stack[size - 1].child(e);
        return e;
    }

    /** Drops what was built and the text buffer, keeping an idle parser small. */
    void clear() {
        for (int i = 0; i < size; i++) stack[i] = null;
        size = 0;
        text = null;
    }

    private void flushText() {
        if (text != null && text.length() > 0) {
            stack[size - 1].text(text.toString());
            text.setLength(0);
        }
    }

    static String attrName(XMLStreamReader r, int i) {
        String local = r.getAttributeLocalName(i);
        String ns = r.getAttributeNamespace(i);
        if (ns == null || ns.isEmpty()) return local;
        if (ns.equals(XMLConstants.XML_NS_URI)) return "xml:" + local;
        return "{" + ns + "}" + local;
    }
}
