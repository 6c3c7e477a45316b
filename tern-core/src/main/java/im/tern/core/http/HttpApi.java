package im.tern.core.http;

/** Where a module registers its HTTP routes. */
public interface HttpApi {
    /**
     * Serves {@code method} on {@code path}: an exact path, or one with {@code {name}} segments that each
     * match one path segment (e.g. {@code /v1/devices/{id}}), available as {@link HttpRequest#param}.
     * Another method on a registered path gets 405; an unknown path 404.
     */
    void route(String method, String path, HttpHandler handler);
}
