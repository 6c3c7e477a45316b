package im.tern.server.stream;

import im.tern.xml.Element;
import java.util.concurrent.Executor;

/**
 * What a {@link C2sStream} needs from its transport (TCP or WebSocket). As an {@link Executor}
 * it runs tasks on the transport's event loop, where the stream's state lives. Methods other than
 * the {@code write} methods and {@link #execute(Runnable)} are called on that loop only.
 */
public interface StreamOutput extends Executor {
    /**
     * Opens our side of the stream (RFC 6120 section 4.7; RFC 7395 section 3.4 over WebSocket).
     * {@code to} is the client's {@code from}, when it gave a valid one.
     */
    void writeHeader(String id, String from, String to);

    /** Writes {@code <stream:features/>}, an element in the streams namespace, framed for this transport. */
    void writeFeatures(Element features);

    /**
     * Writes a stream error (RFC 6120 section 4.9), with a {@code <text/>} when {@code text} is not null, and
     * then ends our side of the stream; closing follows.
     */
    void writeStreamError(String condition, String text);

    /** Ends our side of the stream ({@code </stream:stream>}, or {@code <close/>} over WebSocket). */
    void writeClose();

    /** Serialises an element once, inside the stream's default namespace, and writes it. Thread-safe. */
    void write(Element element);

    /** Writes an element serialised earlier (shared between streams, so never modified). Thread-safe. */
    void write(byte[] serialised);

    /** Closes the connection once what was written has gone out. */
    void closeAfterFlush();

    /** Puts TLS under the stream, right after {@code <proceed/>} was written (RFC 6120 section 5.4.3.3). */
    void startTls();

    /** Forgets the parser's state before the next bytes: the client is about to open a fresh stream. */
    void restartParser();

    /** Whether the stream runs over TLS. */
    boolean secure();

    /** Whether this transport can offer STARTTLS. */
    boolean canStartTls();

    void pauseReading();

    void resumeReading();

    /** The remote address, for per-address limits and logs. */
    String remoteAddress();

    /** The client authenticated: lift the unauthenticated limits, start the idle timeout. */
    void authenticated();
}
