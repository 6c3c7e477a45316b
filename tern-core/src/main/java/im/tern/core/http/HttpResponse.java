package im.tern.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response: status, content type, extra headers and the body bytes. */
public record HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse json(int status, String json) { return of(status, "application/json", json); }

    /** No body (204 and the like). */
    public static HttpResponse empty(int status) { return new HttpResponse(status, null, Map.of(), new byte[0]); }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpResponse(status, contentType, h, body);
    }
}
