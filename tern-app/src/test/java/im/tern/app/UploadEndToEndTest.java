package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0363 end to end: a real Smack client asks for slots, a real HTTPS client (java.net.http) puts and gets the
 * files, on a real server with its real store and blob directory.
 */
class UploadEndToEndTest {
    static final long MB = 1024 * 1024;
    static RunningTern tern;
    static UploadClient client;
    static XMPPTCPConnection alice;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start(cfg -> cfg.upload.maxFileBytes = 60 * MB);
        tern.addUser("alice", "secret");
        alice = tern.login("alice", "secret", "phone");
        client = new UploadClient(tern);
    }

    @AfterAll
    static void stop() {
        if (tern != null) tern.close();
    }

    private static Path files() { return tern.data.resolve("uploads").resolve("files"); }

    private static List<String> storedNames(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theServiceIsDiscoveredWithItsMaximumSize() throws Exception {
        HttpFileUploadManager uploads = HttpFileUploadManager.getInstanceFor(alice);
        assertThat(uploads.discoverUploadService()).isTrue();
        assertThat(uploads.getDefaultUploadService().getAddress().toString()).isEqualTo(RunningTern.DOMAIN);
        assertThat(uploads.getDefaultUploadService().getMaxFileSize()).isEqualTo(60 * MB);
    }

    @Test
    void aFiftyMegabyteFileGoesUpAndComesBackByteForByteWithRanges() throws Exception {
        long size = 50 * MB;
        UploadClient.Content content = new UploadClient.Content(7);
        Slot slot = UploadClient.slot(alice, "holiday video.mp4", size, "video/mp4");
        assertThat(slot.getPutUrl()).isEqualTo(slot.getGetUrl());
        URI url = client.local(slot.getPutUrl());
        assertThat(url.getPath()).matches("/v1/files/[A-Za-z0-9_-]{32}/holiday_video\\.mp4");

        HttpResponse<String> put = client.put(url, "video/mp4", size, content);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        UploadClient.Download got = client.download(url);
        assertThat(got.response().statusCode()).isEqualTo(200);
        assertThat(got.length()).isEqualTo(size);
        assertThat(got.sha256()).isEqualTo(content.sha256(size));
        assertThat(got.response().headers().firstValue("content-type")).contains("video/mp4");
        assertThat(got.response().headers().firstValueAsLong("content-length")).hasValue(size);
        assertThat(got.response().headers().firstValue("accept-ranges")).contains("bytes");
        assertThat(got.response().headers().firstValue("cache-control").orElseThrow()).startsWith("private, max-age=").contains("immutable");
        assertThat(got.response().headers().firstValue("x-content-type-options")).contains("nosniff");
        // Stored as sent, under the random id only.
        String id = url.getPath().split("/")[3];
        assertThat(storedNames(files())).contains(id);
        assertThat(Files.size(files().resolve(id))).isEqualTo(size);

        HttpResponse<byte[]> first = client.get(url, "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(content.bytes(0, 100));
        assertThat(first.headers().firstValue("content-range")).contains("bytes 0-99/" + size);

        HttpResponse<byte[]> middle = client.get(url, "bytes=25000000-25000999");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(content.bytes(25_000_000, 1000));
        assertThat(middle.headers().firstValue("content-range")).contains("bytes 25000000-25000999/" + size);

        HttpResponse<byte[]> last = client.get(url, "bytes=-10");
        assertThat(last.statusCode()).isEqualTo(206);
        assertThat(last.body()).isEqualTo(content.bytes(size - 10, 10));
        assertThat(last.headers().firstValue("content-range")).contains("bytes " + (size - 10) + "-" + (size - 1) + "/" + size);

        HttpResponse<byte[]> openEnded = client.get(url, "bytes=" + (size - 5) + "-");
        assertThat(openEnded.statusCode()).isEqualTo(206);
        assertThat(openEnded.body()).isEqualTo(content.bytes(size - 5, 5));

        HttpResponse<byte[]> pastTheEnd = client.get(url, "bytes=" + size + "-");
        assertThat(pastTheEnd.statusCode()).isEqualTo(416);
        assertThat(pastTheEnd.headers().firstValue("content-range")).contains("bytes */" + size);

        HttpResponse<Void> head = client.http.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(size);
    }

    @Test
    void aHalfFinishedUploadIsNeverServedAndTheSlotStillWorks() throws Exception {
        long size = 10 * MB;
        UploadClient.Content content = new UploadClient.Content(11);
        URI url = client.local(UploadClient.slot(alice, "voice.ogg", size, "audio/ogg").getPutUrl());
        try (SSLSocket socket = (SSLSocket) TrustAllTls.context().getSocketFactory().createSocket("127.0.0.1", url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/ogg\r\nContent-Length: " + size
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content.bytes(0, (int) (3 * MB)));
            out.flush();
        } // cut mid-body
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(client.get(url, null).statusCode()).isEqualTo(404);
            assertThat(storedNames(tern.data.resolve("uploads").resolve("tmp"))).isEmpty();
        });
        assertThat(storedNames(files())).doesNotContain(url.getPath().split("/")[3]);

        assertThat(client.put(url, "audio/ogg", size, content).statusCode()).isEqualTo(201);
        UploadClient.Download got = client.download(url);
        assertThat(got.sha256()).isEqualTo(content.sha256(size));
    }

    @Test
    void wrongSlotsSizesAndTypesAreRefusedAndChangeNothing() throws Exception {
        UploadClient.Content content = new UploadClient.Content(3);
        URI url = client.local(UploadClient.slot(alice, "note.txt", 1000, "text/plain").getPutUrl());

        HttpResponse<String> wrongSize = client.put(url, "text/plain", 999, content);
        assertThat(wrongSize.statusCode()).isEqualTo(409);
        assertThat(wrongSize.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(wrongSize.body()).contains("size-mismatch").contains("1000 bytes");
        HttpResponse<String> wrongType = client.put(url, "text/html", 1000, content);
        assertThat(wrongType.statusCode()).isEqualTo(409);
        assertThat(wrongType.body()).contains("content-type-mismatch");
        try { // refused when the headers arrive; the server closes the connection rather than read 61 MB
            HttpResponse<String> tooLarge = client.put(url, "text/plain", 61 * MB, content);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
        } catch (java.io.IOException closedWhileSending) {
            assertThat(closedWhileSending).hasMessageContaining("");
        }
        assertThat(client.get(url, null).statusCode()).as("nothing stored by the refusals").isEqualTo(404);

        HttpResponse<String> chunked = client.http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> content.stream(1000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);

        URI unknown = client.path("/v1/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/note.txt");
        HttpResponse<String> noSuchSlot = client.put(unknown, "text/plain", 1000, content);
        assertThat(noSuchSlot.statusCode()).isEqualTo(403);
        assertThat(noSuchSlot.body()).contains("slot-invalid");

        assertThat(client.put(url, "text/plain", 1000, content).statusCode()).isEqualTo(201);
        HttpResponse<String> again = client.put(url, "text/plain", 1000, new UploadClient.Content(4));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("used already");
        assertThat(client.get(url, null).body()).isEqualTo(content.bytes(0, 1000));
    }

    @Test
    void namesTheClientControlsNeverReachTheFilesystem() throws Exception {
        Slot slot = UploadClient.slot(alice, "../../../tern.mv.db", 10, "application/octet-stream");
        URI url = client.local(slot.getPutUrl());
        assertThat(url.getRawPath()).doesNotContain("..").matches("/v1/files/[A-Za-z0-9_-]{32}/[A-Za-z0-9._-]+");
        assertThat(client.put(url, "application/octet-stream", 10, new UploadClient.Content(1)).statusCode()).isEqualTo(201);
        assertThat(storedNames(files())).allMatch(n -> n.matches("[A-Za-z0-9_-]{32}"));

        for (String path : List.of("/v1/files/..%2F..%2Ftern.mv.db/x", "/v1/files/%2e%2e/tern.mv.db", "/v1/files/tern.mv.db/x",
                "/v1/files/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd/x", "/v1/files/" + "A".repeat(31) + "%2F/x")) {
            assertThat(client.get(client.path(path), null).statusCode()).as(path).isIn(404, 400);
            assertThat(client.put(client.path(path), "application/octet-stream", 10, new UploadClient.Content(1)).statusCode())
                    .as(path).isIn(403, 404, 400);
        }
        XMPPException.XMPPErrorException control = org.junit.jupiter.api.Assertions.assertThrows(XMPPException.XMPPErrorException.class,
                () -> UploadClient.rawSlotRequest(alice, Map.of("filename", "a\u007fb", "size", "10")));
        assertThat(control.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThatThrownBy(() -> UploadClient.rawSlotRequest(alice, Map.of("filename", "a", "size", "-5")))
                .isInstanceOf(XMPPException.XMPPErrorException.class).hasMessageContaining("size must be positive");
        assertThatThrownBy(() -> UploadClient.rawSlotRequest(alice, Map.of("filename", "a", "size", "5", "content-type", "text/html\r\nX: y")))
                .isInstanceOf(XMPPException.XMPPErrorException.class).hasMessageContaining("content-type");
    }

    @Test
    void aFileLargerThanTheMaximumIsRefusedWithTheMaximum() throws Exception {
        XMPPException.XMPPErrorException e = org.junit.jupiter.api.Assertions.assertThrows(XMPPException.XMPPErrorException.class,
                () -> UploadClient.rawSlotRequest(alice, Map.of("filename", "big.iso", "size", Long.toString(60 * MB + 1))));
        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(e.getStanzaError().toXML().toString()).contains("<file-too-large xmlns='urn:xmpp:http:upload:0'>")
                .contains("<max-file-size>" + 60 * MB + "</max-file-size>");
    }

    @Test
    void deletingTheAccountDeletesItsFiles() throws Exception {
        tern.addUser("carol", "secret");
        XMPPTCPConnection carol = tern.login("carol", "secret", "phone");
        URI url = client.local(UploadClient.slot(carol, "a.bin", 100, "application/octet-stream").getPutUrl());
        assertThat(client.put(url, "application/octet-stream", 100, new UploadClient.Content(5)).statusCode()).isEqualTo(201);
        String id = url.getPath().split("/")[3];
        assertThat(storedNames(files())).contains(id);

        AccountManager.getInstance(carol).deleteAccount();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storedNames(files())).doesNotContain(id));
        assertThat(client.get(url, null).statusCode()).isEqualTo(404);
    }
}
