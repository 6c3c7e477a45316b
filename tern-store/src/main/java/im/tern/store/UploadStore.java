package im.tern.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What HTTP File Upload (XEP-0363) keeps about each slot and file: owner, size, type, when it was made and when
 * it expires. The bytes live in a blob store under the same id; this store never sees them.
 */
public interface UploadStore {
    /**
     * A slot, or (complete) a stored file. {@code expires} is the slot's deadline until the upload completes,
     * then the file's.
     */
    record Upload(String id, String owner, String filename, long size, String contentType, Instant created,
                  Instant expires, boolean complete) {}

    /** Why a reservation was refused, or null when it was made. */
    enum Refusal { DAY_QUOTA, TOTAL_QUOTA }

    /**
     * Records the slot unless it would take the owner past {@code maxPerDay} bytes of slots made after
     * {@code dayStart} or past {@code maxTotal} bytes of live slots and files. Atomic per owner.
     */
    Refusal reserve(Upload slot, Instant dayStart, long maxPerDay, long maxTotal);

    Optional<Upload> get(String id);

    /** The slot's file is stored and lives until {@code fileExpires}; false when it is no open slot (any more). */
    boolean complete(String id, Instant now, Instant fileExpires);

    /** Up to {@code limit} slots and files whose deadline is at or before {@code now}. */
    List<Upload> expired(Instant now, int limit);

    boolean delete(String id);

    /** Deletes every slot and file of the owner; answers their ids, so their blobs can go too. */
    List<String> deleteOwner(String owner);

    /** Which of these ids the store knows: a blob with an id outside it is an orphan. */
    Set<String> known(Collection<String> ids);
}
