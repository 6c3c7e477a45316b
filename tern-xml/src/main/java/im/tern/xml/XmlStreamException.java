package im.tern.xml;

/** A fault that ends the stream, named by its RFC 6120 section 4.9.3 stream error condition. */
public class XmlStreamException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String condition;

    public XmlStreamException(String condition, String message) {
        super(message);
        this.condition = condition;
    }

    public XmlStreamException(String condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    /** The stream error condition, e.g. {@code not-well-formed}, {@code restricted-xml}, {@code policy-violation}. */
    public String condition() { return condition; }
}
