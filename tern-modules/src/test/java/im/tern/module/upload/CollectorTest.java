package im.tern.module.upload;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.Database;
import im.tern.store.StoreConfig;
import im.tern.store.UploadStore;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    @TempDir
    Path dir;

    private static String stored(FileBlobStore blobs, UploadStore store, Instant created, Duration ttl) throws Exception {
        String id = UploadIds.next();
        store.reserve(new UploadStore.Upload(id, "alice", "f", 1, "text/plain", created, created.plus(Duration.ofMinutes(5)), false),
                created.minus(Duration.ofDays(1)), 1000, 1000);
        BlobStore.PendingBlob blob = blobs.create(id);
        blob.write(ByteBuffer.wrap(new byte[] {1}));
        blob.commit();
        store.complete(id, created, created.plus(ttl));
        return id;
    }

    @Test
    void expiredFilesLapsedSlotsOrphansAndAbandonedUploadsGoWhileLiveFilesStay() throws Exception {
        try (Database db = Database.open(StoreConfig.embedded(dir.resolve("db")))) {
            UploadStore store = db.store(UploadStore.class);
            FileBlobStore blobs = new FileBlobStore(dir.resolve("uploads"));
            String expired = stored(blobs, store, T0.minus(Duration.ofDays(31)), Duration.ofDays(30));
            String live = stored(blobs, store, T0.minus(Duration.ofDays(1)), Duration.ofDays(30));
            String lapsed = UploadIds.next();
            store.reserve(new UploadStore.Upload(lapsed, "alice", "f", 1, "text/plain", T0.minus(Duration.ofHours(1)),
                    T0.minus(Duration.ofMinutes(55)), false), T0.minus(Duration.ofDays(1)), 1000, 1000);
            String orphan = UploadIds.next();
            BlobStore.PendingBlob o = blobs.create(orphan);
            o.commit();
            blobs.create(UploadIds.next()).write(ByteBuffer.wrap(new byte[] {2})); // abandoned mid-upload
            try (var parts = Files.list(dir.resolve("uploads").resolve("tmp"))) {
                for (Path p : parts.toList()) Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            }

            new Collector(store, blobs, Clock.fixed(T0, ZoneOffset.UTC)).run();

            assertThat(blobs.ids()).containsExactly(live);
            assertThat(store.get(live)).isPresent();
            assertThat(store.get(expired)).isEmpty();
            assertThat(store.get(lapsed)).isEmpty();
            try (var parts = Files.list(dir.resolve("uploads").resolve("tmp"))) {
                assertThat(parts).isEmpty();
            }
        }
    }
}
