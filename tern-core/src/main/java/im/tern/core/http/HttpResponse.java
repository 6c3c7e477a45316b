package im.tern.core.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response: status, content type, extra headers and the body: bytes, or (when {@code file} is set) a part
 * of a file that the server streams from disk without reading it into memory. A HEAD request gets the same
 * headers and no body.
 */
public record HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body, FilePart file) {
    /** {@code length} bytes of {@code path} from {@code offset}. */
    public record FilePart(Path path, long offset, long length) {}

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public HttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
        this(status, contentType, headers, body, null);
    }

    public static HttpResponse of(int status, String contentType, String body) {
        return new HttpResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse json(int status, String json) { return of(status, "application/json", json); }

    /** No body (204 and the like). */
    public static HttpResponse empty(int status) { return new HttpResponse(status, null, Map.of(), new byte[0]); }

    /** Part of a file as the body. */
    public static HttpResponse file(int status, String contentType, FilePart file) {
        return new HttpResponse(status, contentType, Map.of(), new byte[0], file);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpResponse(status, contentType, h, body, file);
    }
}
