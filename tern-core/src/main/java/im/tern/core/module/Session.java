package im.tern.core.module;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What modules see of one connected, bound resource. Methods may be called from any thread. */
public interface Session {
    /** The full JID bound to this session. */
    Jid jid();

    /**
     * Which of the account's credentials logged this session in: {@link AccountCredentials#PRIMARY} for the
     * account's own token or password, else a linked device's id. Revoking a device ends exactly its sessions.
     */
    default String device() { return AccountCredentials.PRIMARY; }

    /** The last available presence the client broadcast, or null while it has sent none or went unavailable. */
    Element presence();

    void setPresence(Element presence);

    default boolean available() { return presence() != null; }

    /** The presence priority (RFC 6121 section 4.7.2.3); 0 without presence or priority. */
    int priority();

    /** Whether the client has asked for its roster, and so receives roster pushes (RFC 6121 section 2.1.6). */
    boolean interested();

    void setInterested(boolean interested);

    /** Writes a stanza to the client. Thread-safe; stanzas from one thread keep their order. */
    void send(Element stanza);

    /**
     * Writes a stanza already serialised (UTF-8, in the {@code jabber:client} namespace) for this session, so
     * a fan-out to many sessions serialises a shared payload once; {@code stanza} is the same content, kept
     * for stream management and for transports that frame it themselves.
     */
    default void send(Element stanza, byte[] serialised) { send(stanza); }

    /**
     * Writes a stanza and completes with true once the client has it: when it acknowledged it under
     * stream management (XEP-0198), or once written when the stream has none. Completes with false
     * when the session ended first; the core then leaves the stanza to the caller (it is not handed
     * to {@link Events.UnacknowledgedMessage}).
     */
    default CompletionStage<Boolean> sendTracked(Element stanza) {
        send(stanza);
        return CompletableFuture.completedFuture(true);
    }

    /**
     * Whether the connection dropped and the session waits to be resumed (XEP-0198): stanzas sent to it
     * queue until the client comes back or the session ends. A push module wakes such a device.
     */
    default boolean detached() { return false; }

    /** Per-session state a module keeps, by key. */
    <T> T get(SessionKey<T> key);

    <T> void put(SessionKey<T> key, T value);

    /** Closes the stream (with a stream error condition when not null). */
    void close(String streamErrorCondition);

    /** Closes the stream with a stream error and a human-readable {@code <text/>} saying why (RFC 6120 section 4.9.2). */
    default void close(String streamErrorCondition, String text) { close(streamErrorCondition); }

    /**
     * Completes once the session has ended and the modules have heard of it ({@link Events.SessionClosed} and
     * the hand-on of unacknowledged messages done). Account deletion waits for it before dropping data, so
     * nothing a closing session writes survives the deletion.
     */
    default CompletionStage<Void> ended() { return CompletableFuture.completedFuture(null); }
}
