package im.tern.core.http;

import java.util.concurrent.CompletionStage;

/** Answers one request. Runs on an event loop: return at once, doing blocking work elsewhere. */
@FunctionalInterface
public interface HttpHandler {
    CompletionStage<HttpResponse> handle(HttpRequest request);
}
