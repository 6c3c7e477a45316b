package im.tern.module.upload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The limits and places of HTTP File Upload.
 *
 * @param maxFileBytes     largest file, announced in disco as {@code max-file-size}
 * @param quotaBytesPerDay bytes of slots one account may ask for in any 24 hours
 * @param quotaBytesTotal  bytes of live files and open slots one account may hold
 * @param slotTtl          how long a slot's PUT URL works
 * @param fileTtl          how long a file is served after its upload
 * @param collectInterval  how often the collector looks for expired files, unused slots and orphans
 * @param directory        where the filesystem blob store keeps its files
 * @param baseUrl          scheme, host and port of the URLs handed out (no trailing slash); read per slot,
 *                         since the HTTP port may be picked at start
 */
public record UploadSettings(long maxFileBytes, long quotaBytesPerDay, long quotaBytesTotal, Duration slotTtl,
                             Duration fileTtl, Duration collectInterval, Path directory, Supplier<String> baseUrl) {
    public UploadSettings {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive");
        if (quotaBytesPerDay < maxFileBytes || quotaBytesTotal < maxFileBytes) {
            throw new IllegalArgumentException("the quotas must allow at least one file of maxFileBytes");
        }
        if (slotTtl.isNegative() || slotTtl.isZero() || fileTtl.isNegative() || fileTtl.isZero()) {
            throw new IllegalArgumentException("slot and file lifetimes must be positive");
        }
    }
}
