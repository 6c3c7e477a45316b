package im.tern.server.session;

import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The stream under a {@link LocalSession}: what a session needs to reach its client. Thread-safe. */
public interface Connection {
    /** Serialises the stanza once and writes it; stanzas sent from one thread keep their order. */
    void send(Element stanza);

    /**
     * Writes a stanza already serialised (UTF-8, inside {@code jabber:client}); the array is shared, never
     * changed. The element is what was serialised, kept in case the stanza must be handed on again.
     */
    void send(Element stanza, byte[] serialised);

    /** Writes the stanza and completes with whether the client took it (see {@code Session.sendTracked}). */
    default CompletionStage<Boolean> sendTracked(Element stanza) {
        send(stanza);
        return CompletableFuture.completedFuture(true);
    }

    /** Whether the connection dropped and the session waits to be resumed (XEP-0198). */
    default boolean detached() { return false; }

    /** Ends the stream, with a stream error when {@code condition} is not null. */
    void close(String condition);

    /** Ends the stream with a stream error carrying a {@code <text/>} (when not null) that says why. */
    default void close(String condition, String text) { close(condition); }
}
