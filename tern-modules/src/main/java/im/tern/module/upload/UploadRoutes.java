package im.tern.module.upload;

import im.tern.core.http.HttpHandler;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.core.http.StreamingHandler;
import im.tern.core.http.StreamingHandler.Decision;
import im.tern.module.api.Problem;
import im.tern.store.UploadStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The HTTP side: {@code PUT /v1/files/{id}/{name}} streams a slot's file in (it must match the slot's size and
 * type; the URL is the credential, as XEP-0363 intends), {@code GET} and {@code HEAD} serve it with single
 * byte ranges. The name segment is decoration for people; only the id counts.
 */
final class UploadRoutes {
    private final UploadStore store;
    private final BlobStore blobs;
    private final UploadSettings settings;
    private final Clock clock;
    private final Executor blocking;
    /** Slots with a PUT in progress: a second PUT to one of them is refused, so two bodies never race. */
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();

    UploadRoutes(UploadStore store, BlobStore blobs, UploadSettings settings, Clock clock, Executor blocking) {
        this.store = store;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.blocking = blocking;
    }

    StreamingHandler put() {
        return head -> {
            String id = head.param("id");
            if (!UploadIds.valid(id)) return CompletableFuture.completedFuture(Decision.refuse(slotGone("no such slot").response()));
            return CompletableFuture.supplyAsync(() -> begin(id, head), blocking);
        };
    }

    private Decision begin(String id, HttpRequest head) {
        Optional<UploadStore.Upload> found = store.get(id);
        if (found.isEmpty()) return Decision.refuse(slotGone("no such slot").response());
        UploadStore.Upload slot = found.get();
        if (slot.complete()) return Decision.refuse(slotGone("this slot has been used already").response());
        if (!slot.expires().isAfter(clock.instant())) return Decision.refuse(slotGone("this slot has expired").response());
        long declared = Long.parseLong(head.header("content-length").strip()); // the server let no request without it through
        if (declared > settings.maxFileBytes()) {
            return Decision.refuse(Problem.of(413, "file-too-large", "Content Too Large",
                    "the file is larger than the maximum of " + settings.maxFileBytes() + " bytes").response());
        }
        if (declared != slot.size()) {
            return Decision.refuse(Problem.of(409, "size-mismatch", "Conflict",
                    "Content-Length must be the slot's size, " + slot.size() + " bytes").response());
        }
        String type = head.mediaType() == null ? "application/octet-stream" : head.mediaType();
        if (!type.equals(slot.contentType())) {
            return Decision.refuse(Problem.of(409, "content-type-mismatch", "Conflict",
                    "Content-Type must be the slot's type, " + slot.contentType()).response());
        }
        if (!uploading.add(id)) {
            return Decision.refuse(Problem.of(409, "upload-in-progress", "Conflict", "another upload to this slot is in progress").response());
        }
        try {
            return Decision.accept(new FileSink(blobs.create(id), blobs, store, slot, settings, clock, blocking, () -> uploading.remove(id)));
        } catch (IOException | RuntimeException e) {
            uploading.remove(id);
            throw new IllegalStateException("cannot start storing an upload", e);
        }
    }

    /** GET and HEAD alike: the server leaves out the body for HEAD. */
    HttpHandler get() {
        return request -> {
            String id = request.param("id");
            if (!UploadIds.valid(id)) return CompletableFuture.completedFuture(notFound());
            return CompletableFuture.supplyAsync(() -> serve(id, request.header("range")), blocking);
        };
    }

    private HttpResponse serve(String id, String rangeHeader) {
        Instant now = clock.instant();
        Optional<UploadStore.Upload> found = store.get(id).filter(u -> u.complete() && u.expires().isAfter(now));
        Optional<Path> file = found.isPresent() ? blobs.find(id) : Optional.empty();
        if (file.isEmpty()) return notFound();
        UploadStore.Upload upload = found.get();
        long size = upload.size();
        ByteRange.Outcome range = ByteRange.parse(rangeHeader, size);
        if (range instanceof ByteRange.Unsatisfiable) {
            return Problem.of(416, "range-not-satisfiable", "Range Not Satisfiable", "the file has " + size + " bytes")
                    .withHeader("Content-Range", "bytes */" + size).response();
        }
        HttpResponse r;
        if (range instanceof ByteRange.Part part) {
            r = HttpResponse.file(206, upload.contentType(), new HttpResponse.FilePart(file.get(), part.range().first(), part.range().length()))
                    .withHeader("Content-Range", part.range().contentRange(size));
        } else {
            r = HttpResponse.file(200, upload.contentType(), new HttpResponse.FilePart(file.get(), 0, size));
        }
        long maxAge = Math.max(0, Duration.between(now, upload.expires()).toSeconds());
        return r.withHeader("Accept-Ranges", "bytes")
                // The bytes of an id never change; a browser may keep them until the file expires.
                .withHeader("Cache-Control", "private, max-age=" + maxAge + ", immutable")
                // Uploaded content is the client's, served from our origin: never sniffed, never run as a page.
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    static Problem slotGone(String detail) {
        return Problem.of(403, "slot-invalid", "Forbidden", detail);
    }

    private static HttpResponse notFound() {
        return Problem.of(404, "not-found", "Not Found", "no such file").response();
    }
}
