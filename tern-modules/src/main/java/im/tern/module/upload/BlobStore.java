package im.tern.module.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where uploaded bytes live, by upload id (random, checked by {@link UploadIds#valid}; never a client's name).
 * A blob becomes visible only when its upload commits, whole. Calls block: run them on the blocking pool.
 */
public interface BlobStore {
    /** An upload in progress: bytes go somewhere unseen until {@link #commit}. */
    interface PendingBlob {
        void write(ByteBuffer bytes) throws IOException;

        /** Makes the blob visible under its id at once, whole (an atomic rename); false when one exists already. */
        boolean commit() throws IOException;

        /** Throws the bytes away; harmless after commit or twice. */
        void discard();
    }

    PendingBlob create(String id) throws IOException;

    /** The committed blob's file, which the HTTP layer streams from; empty when there is none. */
    Optional<Path> find(String id);

    /** Removes the blob; false when there was none. */
    boolean delete(String id) throws IOException;

    /** Ids of every committed blob (for finding orphans). */
    List<String> ids() throws IOException;

    /** Removes uploads left unfinished before {@code cutoff} (a crash mid-upload); answers how many. */
    int removeAbandoned(Instant cutoff) throws IOException;
}
