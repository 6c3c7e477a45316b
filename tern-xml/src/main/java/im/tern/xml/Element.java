package im.tern.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable XML element: the unit every stanza is made of.
 *
 * <p>Attributes are kept as a flat array of name/value pairs because stanzas carry few of them.
 * An attribute in no namespace is named by its local name; one in the XML namespace by {@code xml:lang};
 * any other by Clark notation, {@code {uri}local}. Children are {@link Element}s and text
 * {@link String}s in document order. Copies made by {@code with...} share their children.
 */
public final class Element {
    private static final String[] NO_ATTRS = new String[0];

    private final String name;
    private final String namespace;
    private final String[] attrs;
    private final List<Object> children;

    private Element(String name, String namespace, String[] attrs, List<Object> children) {
        this.name = name;
        this.namespace = namespace;
        this.attrs = attrs;
        this.children = children;
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** An element with no attributes and no children. */
    public static Element empty(String name, String namespace) {
        return new Element(name, namespace == null ? "" : namespace, NO_ATTRS, List.of());
    }

    public String name() { return name; }

    /** The namespace URI, or "" for none. */
    public String namespace() { return namespace; }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    public String attr(String attrName) {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i].equals(attrName)) return attrs[i + 1];
        }
        return null;
    }

    public int attrCount() { return attrs.length / 2; }

    public String attrName(int index) { return attrs[index * 2]; }

    public String attrValue(int index) { return attrs[index * 2 + 1]; }

    /** Children in document order: {@link Element} and {@link String} (text). */
    public List<Object> children() { return children; }

    public List<Element> elements() {
        List<Element> out = new ArrayList<>(children.size());
        for (Object c : children) if (c instanceof Element e) out.add(e);
        return out;
    }

    public List<Element> elements(String childName, String childNamespace) {
        List<Element> out = new ArrayList<>(2);
        for (Object c : children) {
            if (c instanceof Element e && e.is(childName, childNamespace)) out.add(e);
        }
        return out;
    }

    /** The first child element with that name and namespace, or null. */
    public Element child(String childName, String childNamespace) {
        for (Object c : children) {
            if (c instanceof Element e && e.is(childName, childNamespace)) return e;
        }
        return null;
    }

    /** The first child element in that namespace, whatever its name, or null. */
    public Element childIn(String childNamespace) {
        for (Object c : children) {
            if (c instanceof Element e && e.namespace.equals(childNamespace)) return e;
        }
        return null;
    }

    /** The first child element, or null. */
    public Element firstElement() {
        for (Object c : children) if (c instanceof Element e) return e;
        return null;
    }

    /** The concatenated text children of this element (not of descendants). */
    public String text() {
        if (children.isEmpty()) return "";
        if (children.size() == 1 && children.get(0) instanceof String s) return s;
        StringBuilder sb = new StringBuilder();
        for (Object c : children) if (c instanceof String s) sb.append(s);
        return sb.toString();
    }

    /** The text of the first child with that name and namespace, or null when there is no such child. */
    public String childText(String childName, String childNamespace) {
        Element c = child(childName, childNamespace);
        return c == null ? null : c.text();
    }

    /** A copy with the attribute set, or removed when value is null. */
    public Element withAttr(String attrName, String value) {
        int at = -1;
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i].equals(attrName)) { at = i; break; }
        }
        String[] copy;
        if (at >= 0) {
            if (value == null) {
                copy = new String[attrs.length - 2];
                System.arraycopy(attrs, 0, copy, 0, at);
                System.arraycopy(attrs, at + 2, copy, at, attrs.length - at - 2);
            } else {
                if (value.equals(attrs[at + 1])) return this;
                copy = attrs.clone();
                copy[at + 1] = value;
            }
        } else {
            if (value == null) return this;
            copy = new String[attrs.length + 2];
            System.arraycopy(attrs, 0, copy, 0, attrs.length);
            copy[attrs.length] = attrName;
            copy[attrs.length + 1] = value;
        }
        return new Element(name, namespace, copy, children);
    }

    /** A copy with other children. */
    public Element withChildren(List<?> newChildren) {
        Builder b = new Builder(name, namespace).children(newChildren);
        return new Element(name, namespace, attrs, b.children.isEmpty() ? List.of() : List.copyOf(b.children));
    }

    /** A copy with the element appended to the children. */
    public Element withChild(Element child) {
        List<Object> copy = new ArrayList<>(children.size() + 1);
        copy.addAll(children);
        copy.add(child);
        return new Element(name, namespace, attrs, Collections.unmodifiableList(copy));
    }

    /** A copy without the children with that name and namespace. */
    public Element withoutChildren(String childName, String childNamespace) {
        List<Object> copy = new ArrayList<>(children.size());
        for (Object c : children) {
            if (!(c instanceof Element e && e.is(childName, childNamespace))) copy.add(c);
        }
        return copy.size() == children.size() ? this : new Element(name, namespace, attrs, Collections.unmodifiableList(copy));
    }

    /** A builder primed with this element's attributes and children. */
    public Builder toBuilder() {
        Builder b = new Builder(name, namespace);
        for (int i = 0; i < attrs.length; i += 2) b.attr(attrs[i], attrs[i + 1]);
        b.children.addAll(children);
        return b;
    }

    /** Serialises this element on its own, declaring its namespace. */
    public String toXml() {
        StringBuilder sb = new StringBuilder(128);
        XmlWriter.write(this, sb, null);
        return sb.toString();
    }

    @Override
    public String toString() { return toXml(); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Element other)) return false;
        if (!name.equals(other.name) || !namespace.equals(other.namespace)) return false;
        if (attrs.length != other.attrs.length) return false;
        for (int i = 0; i < attrs.length; i += 2) {
            if (!Objects.equals(attrs[i + 1], other.attr(attrs[i]))) return false;
        }
        return children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, children);
    }

    /** Builds an element; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final List<String> attrs = new ArrayList<>(8);
        private final List<Object> children = new ArrayList<>(4);

        private Builder(String name, String namespace) {
            this.name = Objects.requireNonNull(name, "name");
            this.namespace = namespace == null ? "" : namespace;
        }

        /** Sets an attribute; a null value is skipped so optional attributes read naturally. */
        public Builder attr(String attrName, String value) {
            if (value == null) return this;
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).equals(attrName)) { attrs.set(i + 1, value); return this; }
            }
            attrs.add(attrName);
            attrs.add(value);
            return this;
        }

        public Builder child(Element child) {
            if (child != null) children.add(child);
            return this;
        }

        public Builder children(List<?> more) {
            for (Object c : more) {
                // text goes through text() so adjacent strings merge and empty ones vanish, as the parser's do
                if (c instanceof String s) text(s);
                else if (c instanceof Element e) children.add(e);
                else throw new IllegalArgumentException("not a node: " + c);
            }
            return this;
        }

        public Builder text(String text) {
            if (text == null || text.isEmpty()) return this;
            int last = children.size() - 1;
            if (last >= 0 && children.get(last) instanceof String prev) children.set(last, prev + text);
            else children.add(text);
            return this;
        }

        /** Appends a child element holding only text: {@code <name>text</name>} in this builder's namespace. */
        public Builder textChild(String childName, String text) {
            if (text == null) return this;
            return child(Element.builder(childName, namespace).text(text).build());
        }

        public int childCount() { return children.size(); }

        public Element build() {
            return new Element(name, namespace,
                    attrs.isEmpty() ? NO_ATTRS : attrs.toArray(NO_ATTRS),
                    children.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(children)));
        }
    }
}
