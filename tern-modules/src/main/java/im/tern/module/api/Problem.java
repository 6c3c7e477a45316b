package im.tern.module.api;

import im.tern.core.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code type} ({@value #TYPE_PREFIX} and a short name), {@code title}, {@code status},
 * {@code detail}, extension members (such as {@code errors}, {@code retryAfter}), and headers to send with it.
 * Immutable; each {@code with...} returns a new one.
 */
public record Problem(int status, String name, String title, String detail, Map<String, Object> members,
                      Map<String, String> headers) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:tern:problem:";

    public Problem {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members)); // members keep the order they were added in
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Problem of(int status, String name, String title, String detail) {
        return new Problem(status, name, title, detail, Map.of(), Map.of());
    }

    /** One field that was missing, unknown, or wrong, for the {@code errors} member. */
    public record FieldError(String field, String message) {
        Map<String, String> toJson() { return Map.of("field", field, "message", message); }
    }

    public String type() { return TYPE_PREFIX + name; }

    public Problem with(String member, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(members);
        m.put(member, value);
        return new Problem(status, name, title, detail, m, headers);
    }

    public Problem withHeader(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new Problem(status, name, title, detail, members, h);
    }

    public Problem withErrors(List<FieldError> errors) {
        return with("errors", errors.stream().map(FieldError::toJson).toList());
    }

    /** A {@code Retry-After} header in whole seconds (rounded up, at least 1), and the same as {@code retryAfter}. */
    public Problem retryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return withHeader("Retry-After", Long.toString(seconds)).with("retryAfter", seconds);
    }

    public HttpResponse response() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(members);
        HttpResponse r = HttpResponse.of(status, MEDIA_TYPE, Json.write(body));
        for (Map.Entry<String, String> h : headers.entrySet()) r = r.withHeader(h.getKey(), h.getValue());
        return r;
    }

    /** This problem as an exception, to leave a handler's validation early. */
    public ProblemException exception() { return new ProblemException(this); }
}
