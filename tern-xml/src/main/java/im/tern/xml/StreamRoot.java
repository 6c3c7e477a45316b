package im.tern.xml;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamReader;

/**
 * What a stream parser keeps of the root element once it has been read: the header for the listener,
 * and a bare copy of the opening tag with the same namespace declarations, fed to a fresh Aalto reader
 * when parsing resumes after the reader was released at an idle point.
 */
record StreamRoot(StreamHeader header, byte[] reopenTag) {
    /** Nearly every client stream has the same opening tag: share its bytes (never written to) among them. */
    private static final int SHARED_TAGS = 32;
    private static final Map<String, byte[]> SHARED = new ConcurrentHashMap<>();

    static StreamRoot of(XMLStreamReader r) {
        StringBuilder tag = new StringBuilder(128).append('<');
        String prefix = r.getPrefix();
        if (prefix != null && !prefix.isEmpty()) tag.append(prefix).append(':');
        tag.append(r.getLocalName());
        String defaultNs = "";
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i);
            boolean isDefault = p == null || p.isEmpty();
            if (isDefault) defaultNs = uri;
            tag.append(isDefault ? " xmlns" : " xmlns:" + p).append("=\"");
            XmlWriter.escapeAttr(uri, tag);
            tag.append('"');
        }
        tag.append('>');
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(ElementAssembler.attrName(r, i), r.getAttributeValue(i));
        }
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        StreamHeader header = new StreamHeader(r.getLocalName(), ns, defaultNs, Collections.unmodifiableMap(attrs));
        return new StreamRoot(header, shared(tag.toString()));
    }

    private static byte[] shared(String tag) {
        byte[] bytes = SHARED.get(tag);
        if (bytes != null) return bytes;
        bytes = tag.getBytes(StandardCharsets.UTF_8);
        if (SHARED.size() < SHARED_TAGS) SHARED.putIfAbsent(tag, bytes);
        return bytes;
    }
}
