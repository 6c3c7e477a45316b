package im.tern.module.upload;

import im.tern.core.http.BodySink;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.Problem;
import im.tern.store.UploadStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One PUT's body: chunks appended to a pending blob on the blocking pool; at the end the blob is committed
 * (renamed into place) and the slot marked complete. A slot that expired meanwhile loses its blob again.
 */
final class FileSink implements BodySink {
    private final BlobStore.PendingBlob blob;
    private final BlobStore blobs;
    private final UploadStore store;
    private final UploadStore.Upload slot;
    private final UploadSettings settings;
    private final Clock clock;
    private final Executor blocking;
    private final Runnable done;

    FileSink(BlobStore.PendingBlob blob, BlobStore blobs, UploadStore store, UploadStore.Upload slot, UploadSettings settings, Clock clock,
             Executor blocking, Runnable done) {
        this.blob = blob;
        this.blobs = blobs;
        this.store = store;
        this.slot = slot;
        this.settings = settings;
        this.clock = clock;
        this.blocking = blocking;
        this.done = done;
    }

    @Override
    public CompletionStage<Void> write(ByteBuffer chunk) {
        return CompletableFuture.runAsync(() -> {
            try {
                blob.write(chunk);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, blocking);
    }

    @Override
    public CompletionStage<HttpResponse> end() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (!blob.commit()) return UploadRoutes.slotGone("this slot has been used already").response();
                Instant now = clock.instant();
                if (!store.complete(slot.id(), now, now.plus(settings.fileTtl()))) {
                    blobs.delete(slot.id());
                    return UploadRoutes.slotGone("this slot expired before the upload completed").response();
                }
                return HttpResponse.empty(201);
            } catch (java.io.IOException e) {
                blob.discard();
                return Problem.of(500, "upload-failed", "Internal Server Error", "the file could not be stored").response();
            } finally {
                done.run();
            }
        }, blocking);
    }

    @Override
    public void abort() {
        try {
            blocking.execute(blob::discard);
        } finally {
            done.run();
        }
    }
}
