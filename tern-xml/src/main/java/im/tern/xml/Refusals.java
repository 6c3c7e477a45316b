package im.tern.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/** Maps what Aalto reports onto RFC 6120 section 4.9.3 stream error conditions. */
final class Refusals {
    private Refusals() {}

    /** The fault for a StAX event that restricted XML forbids, or null when the event is allowed. */
    static XmlStreamException forEvent(int event) {
        return switch (event) {
            case XMLStreamConstants.COMMENT -> restricted("comments are not allowed");
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> restricted("processing instructions are not allowed");
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                    restricted("DTDs are not allowed");
            case XMLStreamConstants.ENTITY_REFERENCE -> restricted("only the predefined entities are allowed");
            default -> null;
        };
    }

    /**
     * Aalto names most faults by message only. An undeclared entity in an attribute value (in text it is an
     * ENTITY_REFERENCE event) and an unsupported encoding have their own conditions; the rest, malformed
     * character references included, are not-well-formed.
     */
    static XmlStreamException forStax(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Unexpanded ENTITY_REFERENCE")) return new XmlStreamException("restricted-xml", m, e);
        if (m.contains("Unsupported encoding")) return new XmlStreamException("unsupported-encoding", m, e);
        return new XmlStreamException("not-well-formed", m, e);
    }

    static XmlStreamException policy(String message) {
        return new XmlStreamException("policy-violation", message);
    }

    private static XmlStreamException restricted(String message) {
        return new XmlStreamException("restricted-xml", message);
    }
}
