package im.tern.core.http;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Where a streamed request body goes, chunk by chunk, so a large upload is never held in memory. The server
 * calls {@link #write} again only after the previous stage completed, and stops reading from the connection
 * meanwhile (back-pressure). Exactly one of {@link #end} or {@link #abort} is called at the end.
 */
public interface BodySink {
    /** The next bytes of the body; the buffer is valid only until the returned stage completes. */
    CompletionStage<Void> write(ByteBuffer chunk);

    /** The whole body (exactly the declared Content-Length) has arrived: the response. */
    CompletionStage<HttpResponse> end();

    /** The body will not complete (the connection was lost, a write failed): discard what was written. */
    void abort();
}
