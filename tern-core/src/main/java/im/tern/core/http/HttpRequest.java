package im.tern.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request, fully read. Header names are lower case; {@code remoteAddress} is the peer's IP address
 * (the proxy's when behind one).
 */
public record HttpRequest(String method, String path, Map<String, String> params, Map<String, List<String>> query,
                          Map<String, String> headers, byte[] body, String remoteAddress) {
    public HttpRequest {
        params = Map.copyOf(params);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    /** A {@code {name}} path segment's value. */
    public String param(String name) { return params.get(name); }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** The media type of the body without parameters, lower case; null when none was given. */
    public String mediaType() {
        String type = header("content-type");
        if (type == null) return null;
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
