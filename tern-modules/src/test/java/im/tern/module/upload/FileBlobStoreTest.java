package im.tern.module.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void aBlobIsInvisibleUntilCommittedAndThenWhole() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        String id = UploadIds.next();
        BlobStore.PendingBlob pending = blobs.create(id);
        pending.write(ByteBuffer.wrap("hello ".getBytes(StandardCharsets.UTF_8)));
        assertThat(blobs.find(id)).isEmpty();
        assertThat(blobs.ids()).isEmpty();
        pending.write(ByteBuffer.wrap("world".getBytes(StandardCharsets.UTF_8)));
        assertThat(pending.commit()).isTrue();
        assertThat(Files.readString(blobs.find(id).orElseThrow())).isEqualTo("hello world");
        assertThat(blobs.ids()).containsExactly(id);
        assertThat(blobs.delete(id)).isTrue();
        assertThat(blobs.find(id)).isEmpty();
    }

    @Test
    void aDiscardedOrSecondUploadLeavesNothingAndNeverReplacesAFile() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        String id = UploadIds.next();
        BlobStore.PendingBlob first = blobs.create(id);
        BlobStore.PendingBlob second = blobs.create(id);
        first.write(ByteBuffer.wrap(new byte[] {1}));
        second.write(ByteBuffer.wrap(new byte[] {2}));
        assertThat(first.commit()).isTrue();
        assertThat(second.commit()).isFalse();
        assertThat(Files.readAllBytes(blobs.find(id).orElseThrow())).containsExactly(1);
        BlobStore.PendingBlob dropped = blobs.create(UploadIds.next());
        dropped.write(ByteBuffer.wrap(new byte[] {3}));
        dropped.discard();
        try (var tmp = Files.list(dir.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void onlyRandomIdsBecomePathsAndAbandonedPartsAreRemoved() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir);
        Files.writeString(dir.resolve("secret"), "x");
        for (String bad : new String[] {"../secret", "..", "", "a/b", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", "secret"}) {
            assertThat(blobs.find(bad)).as(bad).isEmpty();
            assertThatThrownBy(() -> blobs.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> blobs.create(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        blobs.create(UploadIds.next()).write(ByteBuffer.wrap(new byte[] {1}));
        assertThat(blobs.removeAbandoned(Instant.now().minusSeconds(60))).isZero();
        assertThat(blobs.removeAbandoned(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("secret"))).isTrue();
    }
}
