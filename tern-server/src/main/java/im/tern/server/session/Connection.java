package im.tern.server.session;

import im.tern.xml.Element;

/** The stream under a {@link LocalSession}: what a session needs to reach its client. Thread-safe. */
public interface Connection {
    /** Serialises the stanza once and writes it; stanzas sent from one thread keep their order. */
    void send(Element stanza);

    /** Writes a stanza already serialised (UTF-8, inside {@code jabber:client}); the array is shared, never changed. */
    void send(byte[] serialised);

    /** Ends the stream, with a stream error when {@code condition} is not null. */
    void close(String condition);
}
