package im.tern.module.upload;

import im.tern.store.UploadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection pass, run on the blocking pool by the module's sweeper: expired files and unused slots go
 * (row and blob), then blobs no row knows (orphans, e.g. after a crash between rename and commit), then
 * temporary files of uploads abandoned long ago.
 */
final class Collector implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Collector.class);
    private static final int BATCH = 500;
    /** An unfinished upload untouched this long is dead (its slot expired long before). */
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final UploadStore store;
    private final BlobStore blobs;
    private final Clock clock;

    Collector(UploadStore store, BlobStore blobs, Clock clock) {
        this.store = store;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            int expired = expired(clock.instant());
            int orphans = orphans();
            int abandoned = blobs.removeAbandoned(Instant.now().minus(ABANDONED)); // file times are the wall clock's
            if (expired + orphans + abandoned > 0) {
                log.info("upload collector removed {} expired files or slots, {} orphaned blobs, {} abandoned uploads",
                        expired, orphans, abandoned);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int expired(Instant now) throws IOException {
        int removed = 0;
        List<UploadStore.Upload> batch;
        do {
            batch = store.expired(now, BATCH);
            for (UploadStore.Upload u : batch) {
                blobs.delete(u.id()); // the file first: a row without a file is harmless, a file without a row an orphan
                store.delete(u.id());
                removed++;
            }
        } while (batch.size() == BATCH);
        return removed;
    }

    private int orphans() throws IOException {
        List<String> ids = blobs.ids();
        int removed = 0;
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + BATCH));
            Set<String> unknown = new HashSet<>(chunk);
            unknown.removeAll(store.known(chunk));
            for (String id : unknown) if (blobs.delete(id)) removed++;
        }
        return removed;
    }
}
