package im.tern.core.http;

import java.util.concurrent.CompletionStage;

/**
 * Answers a request whose body is streamed ({@link HttpApi#streamingRoute}): first from the request line and
 * headers alone (the {@link HttpRequest#body} is empty), then, if it accepted, with the body fed to its sink.
 */
@FunctionalInterface
public interface StreamingHandler {
    /** Runs on an event loop: return at once. */
    CompletionStage<Decision> begin(HttpRequest head);

    /** Either a sink for the body or a response that refuses it (the body is then discarded unread). */
    record Decision(BodySink sink, HttpResponse refusal) {
        public static Decision accept(BodySink sink) { return new Decision(sink, null); }

        public static Decision refuse(HttpResponse refusal) { return new Decision(null, refusal); }
    }
}
