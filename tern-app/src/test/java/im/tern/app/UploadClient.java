package im.tern.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A user's side of HTTP File Upload in tests: slots over XMPP (Smack's XEP-0363 manager, or a raw request for
 * what Smack refuses to send), PUT and GET over real HTTPS with java.net.http. The server names its domain in the
 * URLs; the tests reach it on loopback, so the host is swapped for 127.0.0.1.
 */
final class UploadClient {
    static final String NS = "urn:xmpp:http:upload:0";

    private final RunningTern tern;
    final HttpClient http;

    UploadClient(RunningTern tern) throws Exception {
        this.tern = tern;
        this.http = HttpClient.newBuilder().sslContext(TrustAllTls.context()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static Slot slot(XMPPConnection c, String filename, long size, String type) throws Exception {
        return HttpFileUploadManager.getInstanceFor(c).requestSlot(filename, size, type);
    }

    /** A slot request Smack would refuse to send (too large for the announced maximum, odd attributes). */
    static IQ rawSlotRequest(XMPPConnection c, Map<String, String> attributes) throws Exception {
        RawIq request = new RawIq(IQ.Type.get, "request", NS, attributes, "");
        request.setTo(JidCreate.domainBareFrom(RunningTern.DOMAIN));
        return c.sendIqRequestAndWaitForResponse(request);
    }

    URI local(URL url) {
        return URI.create(url.toString().replace("://" + RunningTern.DOMAIN + ":", "://127.0.0.1:"));
    }

    URI path(String path) {
        return URI.create("https://127.0.0.1:" + tern.server.httpPort() + path);
    }

    HttpResponse<String> put(URI url, String contentType, long length, Content content) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> content.stream(length)), length));
        if (contentType != null) b.header("Content-Type", contentType);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> get(URI url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
        if (range != null) b.header("Range", range);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Downloads without keeping the bytes: status, headers and the SHA-256 of the body. */
    Download download(URI url) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; length += n) sha.update(buf, 0, n);
        }
        return new Download(r, length, HexFormat.of().formatHex(sha.digest()));
    }

    record Download(HttpResponse<InputStream> response, long length, String sha256) {}

    /** Deterministic bytes addressable by offset, so a range can be checked without keeping the file. */
    static final class Content {
        private final int seed;

        Content(int seed) { this.seed = seed; }

        byte at(long i) {
            long x = (i + seed) * 0x9E3779B97F4A7C15L;
            return (byte) (x >>> 56);
        }

        byte[] bytes(long from, int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = at(from + i);
            return b;
        }

        InputStream stream(long length) {
            return new InputStream() {
                private long pos;

                @Override
                public int read() {
                    return pos < length ? at(pos++) & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= length) return -1;
                    int n = (int) Math.min(len, length - pos);
                    for (int i = 0; i < n; i++) b[off + i] = at(pos++);
                    return n;
                }
            };
        }

        String sha256(long length) throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = stream(length)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
