package im.tern.server.stream;

import im.tern.xml.Element;
import java.util.concurrent.Executor;

/**
 * What a {@link C2sStream} needs from its transport (TCP here; WebSocket later). As an {@link Executor}
 * it runs tasks on the transport's event loop, where the stream's state lives. Methods other than
 * the {@code write} methods and {@link #execute(Runnable)} are called on that loop only.
 */
public interface StreamOutput extends Executor {
    /** Writes XML text as is: stream headers, the closing tag. */
    void writeRaw(String xml);

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
