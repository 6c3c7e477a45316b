package im.tern.bench.client;

/** What a {@link ClientSession} reports to the run; called on the session's event loop. */
public interface SessionEvents {
    /** The session is bound (and has sent initial presence if asked); {@code loginNanos} since connect began. */
    void ready(ClientSession session, long loginNanos);

    /** The session could not log in; it is closed. */
    void failed(ClientSession session, String reason);

    /** A ready session's connection ended. */
    void closed(ClientSession session);

    /** A benchmark message arrived, stamped {@code sentNanos} by its sender ({@link System#nanoTime()}). */
    void message(long sentNanos);

    /** The server bounced something with an error stanza. */
    void stanzaError(String kind, String condition);
}
