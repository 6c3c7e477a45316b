package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.tern.core.http.BodySink;
import im.tern.core.http.HttpResponse;
import im.tern.core.http.StreamingHandler.Decision;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.server.testing.TestServer;
import im.tern.server.testing.TrustAll;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming routes: bodies in bounded chunks with back-pressure, refusals before the body, aborts, file responses. */
class StreamingRoutesTest {
    @TempDir static Path dir;
    static TestServer server;
    static HttpClient http;
    static final List<String> events = new CopyOnWriteArrayList<>();
    static final AtomicInteger largestChunk = new AtomicInteger();

    /** Counts what it is given, slowly (so the server must hold back); refuses a body when asked to. */
    static final class CountingApi implements Module {
        @Override
        public String name() { return "counting-api"; }

        @Override
        public void start(ModuleContext ctx) {
            ctx.http().streamingRoute("PUT", "/v1/count/{name}", 8 * 1024 * 1024, head -> {
                if (head.header("x-refuse") != null) {
                    return CompletableFuture.completedFuture(Decision.refuse(HttpResponse.json(403, "{\"refused\":true}")));
                }
                AtomicLong total = new AtomicLong();
                AtomicInteger chunks = new AtomicInteger();
                return CompletableFuture.supplyAsync(() -> Decision.accept(new BodySink() {
                    @Override
                    public CompletionStage<Void> write(ByteBuffer chunk) {
                        largestChunk.accumulateAndGet(chunk.remaining(), Math::max);
                        return CompletableFuture.runAsync(() -> {
                            total.addAndGet(chunk.remaining());
                            chunk.position(chunk.limit());
                            chunks.incrementAndGet();
                        }, CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.MILLISECONDS, ctx.blocking()));
                    }

                    @Override
                    public CompletionStage<HttpResponse> end() {
                        events.add("end " + head.param("name"));
                        return CompletableFuture.completedFuture(HttpResponse.json(201, "{\"bytes\":" + total.get() + ",\"chunks\":" + chunks.get() + "}"));
                    }

                    @Override
                    public void abort() { events.add("abort " + head.param("name")); }
                }), ctx.blocking());
            });
            ctx.http().route("GET", "/v1/file", r -> CompletableFuture.completedFuture(
                    HttpResponse.file(200, "text/plain", new HttpResponse.FilePart(dir.resolve("f.txt"), 2, 5))));
            ctx.http().route("HEAD", "/v1/file", r -> CompletableFuture.completedFuture(
                    HttpResponse.file(200, "text/plain", new HttpResponse.FilePart(dir.resolve("f.txt"), 2, 5))));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "0123456789");
        server = TestServer.start(dir, c -> c.withHttpPort(0).withHttpTls(true), new CountingApi());
        http = HttpClient.newBuilder().sslContext(TrustAll.context()).build();
    }

    @AfterAll
    static void stop() { server.close(); }

    static URI uri(String path) { return URI.create("https://127.0.0.1:" + server.server().httpPort() + path); }

    static java.net.http.HttpResponse<String> put(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLargeBodyArrivesWholeInBoundedChunks() throws Exception {
        var r = put("/v1/count/big", new byte[5 * 1024 * 1024 + 3]);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).startsWith("{\"bytes\":" + (5 * 1024 * 1024 + 3) + ",");
        assertThat(largestChunk.get()).isLessThanOrEqualTo(StreamedBodies.CHUNK_BYTES + 2 * 1024 * 1024);
        assertThat(events).contains("end big");
    }

    @Test
    void aRefusedBodyIsAnsweredAtOnceAndTheConnectionLivesOn() throws Exception {
        var r = put("/v1/count/no", new byte[1000], "X-Refuse", "yes");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"refused\":true}");
        assertThat(put("/v1/count/after", new byte[10]).statusCode()).isEqualTo(201);
        assertThat(events).doesNotContain("end no");
    }

    @Test
    void bodiesWithoutALengthOrOverTheCapAreRefused() throws Exception {
        var chunked = http.send(HttpRequest.newBuilder(uri("/v1/count/chunked"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[100]))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        try (SSLSocket s = (SSLSocket) TrustAll.context().getSocketFactory().createSocket("127.0.0.1", server.server().httpPort())) {
            s.getOutputStream().write(("PUT /v1/count/huge HTTP/1.1\r\nHost: x\r\nContent-Length: " + (9 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aConnectionCutMidBodyAbortsAndNeverEnds() throws Exception {
        try (SSLSocket s = (SSLSocket) TrustAll.context().getSocketFactory().createSocket("127.0.0.1", server.server().httpPort())) {
            OutputStream out = s.getOutputStream();
            out.write("PUT /v1/count/cut HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1_500_000]);
            out.flush();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("abort cut"));
        assertThat(events).doesNotContain("end cut");
    }

    @Test
    void aTransferThatKeepsMovingOutlivesTheIdleDeadlineAndAStalledOneDoesNot(@TempDir Path other) throws Exception {
        try (TestServer strict = TestServer.start(other, c -> c.withHttpPort(0).withHttpTls(true).withLimits(
                c.limits().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(60))), new CountingApi())) {
            int port = strict.server().httpPort();
            try (SSLSocket s = (SSLSocket) TrustAll.context().getSocketFactory().createSocket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write("PUT /v1/count/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2500000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 25; i++) { // 2.5 s, well past the 1 s deadline, never idle for long
                    out.write(new byte[100_000]);
                    out.flush();
                    Thread.sleep(100);
                }
                assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 201");
            }
            try (SSLSocket s = (SSLSocket) TrustAll.context().getSocketFactory().createSocket("127.0.0.1", port)) {
                s.getOutputStream().write("PUT /v1/count/stalled HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789"
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("abort stalled"));
            }
        }
    }

    @Test
    void aFilePartIsSentFromDiskAndHeadGetsOnlyItsHeaders() throws Exception {
        var get = http.send(HttpRequest.newBuilder(uri("/v1/file")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("23456");
        assertThat(get.headers().firstValue("content-type")).hasValue("text/plain");
        var head = http.send(HttpRequest.newBuilder(uri("/v1/file")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(5);
        assertThat(head.body()).isEmpty();
        assertThat(put("/v1/count/still", new byte[1]).statusCode()).as("the connection after a file").isEqualTo(201);
    }
}
