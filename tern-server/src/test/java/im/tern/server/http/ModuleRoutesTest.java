package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.http.HttpResponse;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.server.testing.TestServer;
import im.tern.server.testing.TrustAll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module's HTTP routes over HTTPS (the server's certificate): path parameters, bodies, 405, failures. */
class ModuleRoutesTest {
    @TempDir static Path dir;
    static TestServer server;
    static HttpClient http;

    /** Echoes what it was given; one route fails on purpose. */
    static final class EchoApi implements Module {
        @Override
        public String name() { return "echo-api"; }

        @Override
        public void start(ModuleContext ctx) {
            ctx.http().route("POST", "/v1/echo/{word}", r -> CompletableFuture.supplyAsync(() ->
                    HttpResponse.json(201, "{\"word\":\"" + r.param("word") + "\",\"body\":" + r.bodyText()
                            + ",\"type\":\"" + r.mediaType() + "\",\"q\":\"" + r.queryParam("q") + "\"}")
                            .withHeader("Location", "/v1/echo/" + r.param("word")), ctx.blocking()));
            ctx.http().route("GET", "/v1/broken", r -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, c -> c.withHttpPort(0).withHttpTls(true), new EchoApi());
        http = HttpClient.newBuilder().sslContext(TrustAll.context()).build();
    }

    @AfterAll
    static void stop() { server.close(); }

    static java.net.http.HttpResponse<String> request(String method, String path, String body) throws Exception {
        URI uri = URI.create("https://127.0.0.1:" + server.server().httpPort() + path);
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json; charset=utf-8")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routeGetsItsPathParameterQueryAndBody() throws Exception {
        var r = request("POST", "/v1/echo/hello?q=1", "{\"n\":1}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("location")).hasValue("/v1/echo/hello");
        assertThat(r.body()).isEqualTo("{\"word\":\"hello\",\"body\":{\"n\":1},\"type\":\"application/json\",\"q\":\"1\"}");
    }

    @Test
    void otherMethodOnARouteIs405NamingTheAllowedOnes() throws Exception {
        var r = request("DELETE", "/v1/echo/hello", "");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("POST");
        assertThat(r.body()).contains("\"status\":405");
    }

    @Test
    void aFailingHandlerIsA500ProblemAndTheConnectionLives() throws Exception {
        var r = request("GET", "/v1/broken", "");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(request("GET", "/health", "").statusCode()).isEqualTo(200);
    }

    @Test
    void hostMetaPointsAtSecureWebSocket() throws Exception {
        assertThat(request("GET", "/.well-known/host-meta.json", "").body()).contains("wss://127.0.0.1:");
    }
}
