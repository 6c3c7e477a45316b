package im.tern.module.stored;

import im.tern.xml.Element;
import im.tern.xml.ElementParser;
import im.tern.xml.XmlLimits;
import im.tern.xml.XmlStreamException;
import java.nio.charset.StandardCharsets;

/**
 * Turns an element stored with {@link Element#toXml()} back into an element, with the same parser
 * and restrictions as the wire. Only the size bound is lifted: what was stored was accepted once.
 */
public final class StoredXml {
    private StoredXml() {}

    /** Parses one stored element; throws {@link IllegalArgumentException} when the text is not one. */
    public static Element parse(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        XmlLimits d = XmlLimits.DEFAULT;
        try {
            return ElementParser.parse(bytes, new XmlLimits(Math.max(bytes.length, d.maxStanzaBytes()), d.maxDepth(), d.maxAttributes()));
        } catch (XmlStreamException e) {
            throw new IllegalArgumentException("stored XML is not an element: " + e.getMessage(), e);
        }
    }
}
