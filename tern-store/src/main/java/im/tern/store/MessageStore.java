package im.tern.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-to-one message history (XEP-0313) and the offline queue (XEP-0160). An owner is an account's
 * localpart, as in the other stores. Every method blocks: call it off the event loops.
 */
public interface MessageStore {
    /** Appends messages in one transaction (a group commit); ids are unique per owner. */
    void archive(List<ArchivedMessage> messages);

    /**
     * One page of an owner's archive, oldest first; throws {@link ItemNotFoundException} when a paging or
     * filter id is not in the archive.
     */
    ArchivePage query(String owner, ArchiveQuery query);

    Optional<ArchivedMessage> find(String owner, String id);

    /** The message {@code owner} exchanged with {@code with} under that origin-id (retractions, corrections). */
    Optional<ArchivedMessage> findByOriginId(String owner, String with, String originId);

    /** Replaces a message's XML (a retraction tombstone); false when there is no such message. */
    boolean replace(String owner, String id, String xml);

    /** Deletes archived messages archived before the cutoff (retention); returns how many. */
    int expireArchiveBefore(Instant cutoff);

    /** Deletes archived and waiting messages whose expiry is at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /**
     * Queues a message for an owner with no device online; returns its sequence number, or -1 when the
     * owner already has {@code limit} waiting (nothing is stored then).
     */
    long storeOffline(String owner, String xml, Instant storedAt, Instant expiresAt, int limit);

    /** Up to {@code max} waiting messages with a sequence above {@code afterSeq}, oldest first. */
    List<OfflineMessage> offline(String owner, long afterSeq, int max);

    /** Removes the owner's waiting messages up to and including {@code uptoSeq}; returns how many. */
    int removeOffline(String owner, long uptoSeq);

    int countOffline(String owner);

    /** Deletes waiting messages stored before the cutoff (the age limit); returns how many. */
    int expireOfflineBefore(Instant cutoff);

    /** Removes everything held for the owner: archive and queue. */
    void deleteAll(String owner);
}
