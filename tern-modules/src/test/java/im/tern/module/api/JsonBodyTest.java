package im.tern.module.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static HttpRequest post(String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of() : Map.of("content-type", contentType);
        return new HttpRequest("POST", "/v1/x", Map.of(), Map.of(), headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static Problem problemOf(HttpRequest r) {
        try {
            JsonBody.read(r, 100, List.of("phone"), List.of("region"));
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void knownStringFieldsAreRead() {
        assertThat(JsonBody.read(post("application/json; charset=UTF-8", "{\"phone\":\"+44\",\"region\":null}"), 100,
                List.of("phone"), List.of("region"))).isEqualTo(Map.of("phone", "+44"));
    }

    @Test
    void everyFaultIsNamed() {
        assertThat(problemOf(post("text/plain", "{}")).status()).isEqualTo(415);
        assertThat(problemOf(post(null, "{}")).status()).isEqualTo(415);
        assertThat(problemOf(post("application/json; charset=latin1", "{}")).status()).isEqualTo(415);
        assertThat(problemOf(post("application/json", "{\"phone\":\"" + "1".repeat(100) + "\"}")).status()).isEqualTo(413);
        assertThat(problemOf(post("application/json", "")).name()).isEqualTo("invalid-json");
        assertThat(problemOf(post("application/json", "{\"phone\":")).name()).isEqualTo("invalid-json");
        assertThat(problemOf(post("application/json", "[1]")).name()).isEqualTo("invalid-json");
        assertThat(problemOf(post("application/json", "{\"phone\":\"1\"} {}")).name()).isEqualTo("invalid-json");
        assertThat(problemOf(post("application/json", "{\"phone\":\"1\",\"phone\":\"2\"}")).name()).isEqualTo("invalid-json");

        Problem p = problemOf(post("application/json", "{\"region\":5,\"extra\":\"x\"}"));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.name()).isEqualTo("invalid-request");
        assertThat(Json.write(p.members().get("errors"))).contains("\"field\":\"extra\"", "unknown field",
                "\"field\":\"region\"", "must be a string", "\"field\":\"phone\"", "is required");
    }

    @Test
    void problemResponseIsRfc9457WithRetryAfter() {
        var r = Problem.of(429, "rate-limited", "Too many", "wait").with("limit", "x").retryAfter(java.time.Duration.ofMillis(1500)).response();
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.headers()).containsEntry("Retry-After", "2");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"type\":\"urn:tern:problem:rate-limited\",\"title\":\"Too many\",\"status\":429,\"detail\":\"wait\",\"limit\":\"x\",\"retryAfter\":2}");
    }
}
