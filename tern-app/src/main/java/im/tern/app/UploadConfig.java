package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.upload.UploadSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The {@code upload} section: HTTP File Upload (XEP-0363) on the HTTP port (docs/upload.md). Documented with its
 * defaults in docs/tern.example.yaml.
 */
public final class UploadConfig {
    /** Serve slot requests and /v1/files (needs the HTTP port). */
    @JsonProperty public boolean enabled = true;
    /** Largest file in bytes, announced as max-file-size; larger slots are refused (file-too-large, 413). */
    @JsonProperty public long maxFileBytes = 100L * 1024 * 1024;
    /** Bytes of slots one account may ask for in any 24 hours (resource-constraint with a retry time). */
    @JsonProperty public long quotaBytesPerDay = 1024L * 1024 * 1024;
    /** Bytes of live files and open slots one account may hold (resource-constraint). */
    @JsonProperty public long quotaBytesTotal = 5L * 1024 * 1024 * 1024;
    /** Seconds a slot's PUT URL works. */
    @JsonProperty public int slotTtlSeconds = 300;
    /** Days a file is served after its upload; then the collector deletes it. */
    @JsonProperty public int fileTtlDays = 30;
    /** Seconds between collector passes (expired files, unused slots, orphaned blobs). */
    @JsonProperty public int collectIntervalSeconds = 600;
    /** Where files are kept; default {@code <data>/uploads}. */
    @JsonProperty public Path directory;
    /**
     * Scheme, host and port of the URLs handed out, e.g. https://files.example.com behind a proxy; default
     * https://DOMAIN:HTTP-PORT (http:// when http.tls is off).
     */
    @JsonProperty public String publicUrl;

    UploadSettings settings(TernConfig config, IntSupplier httpPort) {
        Path dir = directory != null ? directory : config.data.resolve("uploads");
        String scheme = config.http.tls ? "https" : "http";
        String fixed = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
        return new UploadSettings(maxFileBytes, quotaBytesPerDay, quotaBytesTotal, Duration.ofSeconds(slotTtlSeconds),
                Duration.ofDays(fileTtlDays), Duration.ofSeconds(collectIntervalSeconds), dir,
                () -> fixed != null ? fixed : scheme + "://" + config.domain + ":" + httpPort.getAsInt());
    }
}
