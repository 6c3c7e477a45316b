package im.tern.server.session;

import im.tern.xml.Element;

/** The stream under a {@link LocalSession}: what a session needs to reach its client. Thread-safe. */
public interface Connection {
    /** Serialises the stanza once and writes it; stanzas sent from one thread keep their order. */
    void send(Element stanza);

    /** Ends the stream, with a stream error when {@code condition} is not null. */
    void close(String condition);
}
