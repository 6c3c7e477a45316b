package im.tern.module.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Calls the modules' HTTP routes on a {@link TestServer} as a client would, with HTTP Basic for an account. */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer with its body read as JSON (null when empty). */
    public record Answer(int status, Map<String, String> headers, JsonNode json) {
        /** The problem's short name ({@code type} without {@code urn:tern:problem:}), or null. */
        public String problem() {
            return json == null || !json.has("type") ? null : json.get("type").asText().replace("urn:tern:problem:", "");
        }

        @Override
        public String toString() { return status + " " + json; }
    }

    private final TestServer server;

    public TestHttp(TestServer server) {
        this.server = server;
    }

    /** As {@code user} with the test accounts' password ("secret"); a null user sends no credentials. */
    public Answer call(String method, String path, String user, String json) {
        return call(method, path, user, "secret", json == null ? null : "application/json", json);
    }

    public Answer call(String method, String path, String user, String password, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) headers.put("content-type", contentType);
        if (user != null) {
            headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        var match = server.http().match(method, path);
        if (match == null || match.handler() == null) throw new AssertionError("no route for " + method + " " + path);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpResponse r = match.handler().handle(new HttpRequest(method, path, match.params(), Map.of(), headers, bytes, "192.0.2.1"))
                .toCompletableFuture().join();
        try {
            return new Answer(r.status(), r.headers(), r.body().length == 0 ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
