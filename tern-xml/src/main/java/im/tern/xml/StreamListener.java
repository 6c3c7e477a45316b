package im.tern.xml;

/** Receives what a {@link StreamParser} recognises, in order, on the thread that fed it. */
public interface StreamListener {
    /** The stream's opening tag arrived. Throw to refuse it (wrong namespace, unknown host...). */
    void onStreamOpen(StreamHeader header) throws XmlStreamException;

    /** A whole first-level child of the stream (a stanza or a negotiation element) arrived. */
    void onElement(Element element) throws XmlStreamException;

    /** The peer closed its stream with {@code </stream:stream>}. */
    void onStreamClose() throws XmlStreamException;
}
