package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain HTTP side of the HTTP port, over real sockets with Java's HTTP client. */
class HttpRoutesTest {
    @TempDir static Path dir;
    static TestServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() { server = TestServer.start(dir, c -> c.withHttpPort(0)); }

    @AfterAll
    static void stop() { server.close(); }

    static HttpResponse<String> request(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.server().httpPort() + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpAndCountsBoundSessions() throws Exception {
        try (RawClient alice = server.login("alice", "phone")) {
            HttpResponse<String> r = request("GET", "/health");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(r.body()).isEqualTo("{\"status\":\"up\",\"sessions\":1}");
        }
    }

    @Test
    void metricsListSessionsAndConnectionsAsText() throws Exception {
        assertThat(request("GET", "/metrics").body()).contains("tern_sessions ").contains("tern_connections ");
    }

    @Test
    void unknownPathIsA404ProblemDocument() throws Exception {
        HttpResponse<String> r = request("GET", "/nothing-here?x=1");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = request("POST", "/health");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET");
        assertThat(r.body()).contains("\"status\":405");
    }

    @Test
    void hostMetaAdvertisesTheWebSocketEndpointForTheRequestedHost() throws Exception {
        String href = "ws://127.0.0.1:" + server.server().httpPort() + "/xmpp-websocket";
        HttpResponse<String> xrd = request("GET", "/.well-known/host-meta");
        assertThat(xrd.statusCode()).isEqualTo(200);
        assertThat(xrd.body()).contains("<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">")
                .contains("<Link rel=\"urn:xmpp:alt-connections:websocket\" href=\"" + href + "\"/>");
        HttpResponse<String> json = request("GET", "/.well-known/host-meta.json");
        assertThat(json.body()).isEqualTo("{\"links\":[{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"" + href + "\"}]}");
        assertThat(json.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void httpIsOffUnlessAPortIsConfigured(@TempDir Path other) {
        try (TestServer plain = TestServer.start(other)) {
            assertThat(plain.server().httpPort()).isEqualTo(-1);
        }
    }

    @Test
    void plainGetOnTheWebSocketPathIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> r = request("GET", "/xmpp-websocket");
        assertThat(r.statusCode()).isEqualTo(426);
        assertThat(r.body()).contains("xmpp subprotocol");
    }
}
