package im.tern.server.stream;

import im.tern.core.Namespaces;
import im.tern.xml.Element;
import im.tern.xml.XmlWriter;

/** The bits of stream framing written as text: our stream header, features, stream errors and the closing tag. */
public final class StreamXml {
    public static final String CLOSE = "</stream:stream>";

    private StreamXml() {}

    /** Our response header (RFC 6120 section 4.7); {@code to} is the client's {@code from}, when it gave one. */
    public static String header(String id, String from, String to) {
        StringBuilder sb = new StringBuilder(220).append("<?xml version='1.0'?><stream:stream xmlns='")
                .append(Namespaces.CLIENT).append("' xmlns:stream='").append(Namespaces.STREAM).append("' id='")
                .append(id).append("' from='");
        XmlWriter.escapeAttr(from, sb);
        if (to != null) {
            sb.append("' to='");
            XmlWriter.escapeAttr(to, sb);
        }
        return sb.append("' version='1.0' xml:lang='en'>").toString();
    }

    /** A stream error (RFC 6120 section 4.9) followed by the closing tag: the last thing written on a stream. */
    public static String error(String condition) {
        return error(condition, null);
    }

    /** As {@link #error(String)}, with a human-readable {@code <text/>} when {@code text} is not null. */
    public static String error(String condition, String text) {
        return errorElement(condition, text, false) + CLOSE;
    }

    /**
     * {@code <stream:error>} alone; with {@code declarePrefix} it declares the {@code stream} prefix itself,
     * for transports without an enclosing {@code <stream:stream>} (RFC 7395 section 3.6).
     */
    public static String errorElement(String condition, boolean declarePrefix) {
        return errorElement(condition, null, declarePrefix);
    }

    /** {@code <stream:error>} with an English {@code <text/>} when {@code text} is not null. */
    public static String errorElement(String condition, String text, boolean declarePrefix) {
        StringBuilder sb = new StringBuilder(160).append("<stream:error")
                .append(declarePrefix ? " xmlns:stream='" + Namespaces.STREAM + "'" : "").append("><").append(condition)
                .append(" xmlns='").append(Namespaces.STREAM_ERRORS).append("'/>");
        if (text != null) {
            sb.append("<text xmlns='").append(Namespaces.STREAM_ERRORS).append("' xml:lang='en'>");
            XmlWriter.escapeText(text, sb);
            sb.append("</text>");
        }
        return sb.append("</stream:error>").toString();
    }

    /**
     * {@code <stream:features>} with the prefix (children in their own namespaces, inside {@code jabber:client});
     * {@code declarePrefix} as for {@link #errorElement}.
     */
    public static String features(Element features, boolean declarePrefix) {
        StringBuilder sb = new StringBuilder(256).append("<stream:features");
        if (declarePrefix) sb.append(" xmlns:stream='").append(Namespaces.STREAM).append('\'');
        sb.append('>');
        for (Element child : features.elements()) XmlWriter.write(child, sb, Namespaces.CLIENT);
        return sb.append("</stream:features>").toString();
    }
}
