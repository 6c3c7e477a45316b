package im.tern.core.http;

/** Where a module registers its HTTP routes. */
public interface HttpApi {
    /**
     * Serves {@code method} on {@code path}: an exact path, or one with {@code {name}} segments that each
     * match one path segment (e.g. {@code /v1/devices/{id}}), available as {@link HttpRequest#param}.
     * Another method on a registered path gets 405; an unknown path 404. The body is read whole first, up to
     * the server's API limit (256 KiB).
     */
    void route(String method, String path, HttpHandler handler);

    /**
     * Serves {@code method} on {@code path} with the body streamed to the handler's sink instead of read whole
     * (file uploads). The request must declare a Content-Length (411 otherwise) of at most {@code maxBodyBytes}
     * (413 otherwise); the server never passes on more bytes than declared.
     */
    void streamingRoute(String method, String path, long maxBodyBytes, StreamingHandler handler);
}
