package im.tern.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-to-one message history (XEP-0313) and the offline queue (XEP-0160). An owner is an account's
 * localpart, as in the other stores. Times are kept to the millisecond.
 */
public interface MessageStore {
    /**
     * Appends messages in one transaction (a group commit), in list order, which is the order queries
     * page by. Ids are unique per owner: a message whose id its owner's archive already holds is skipped,
     * so a retried batch does no harm.
     */
    void archive(List<ArchivedMessage> messages);

    /**
     * One page of an owner's archive, oldest first; throws {@link ItemNotFoundException} when a paging or
     * filter id is not in the owner's archive.
     */
    ArchivePage query(String owner, ArchiveQuery query);

    /** The message with that id in the owner's archive. */
    Optional<ArchivedMessage> find(String owner, String id);

    /**
     * The latest message {@code owner} exchanged with {@code with} under that XEP-0359 origin-id, sent by
     * the owner ({@code outgoing}) or by {@code with}: the target of a retraction or correction.
     */
    Optional<ArchivedMessage> findByOriginId(String owner, String with, String originId, boolean outgoing);

    /** Replaces a message's XML (a retraction tombstone); false when there is no such message. */
    boolean replace(String owner, String id, String xml);

    /** Deletes archived messages whose timestamp is before the cutoff (retention); returns how many. */
    int expireArchiveBefore(Instant cutoff);

    /** Deletes archived and waiting messages whose {@code expiresAt} is at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /**
     * Queues a message for an owner with no device online; returns its sequence number, which rises in
     * store order, or -1 when the owner already has {@code limit} waiting (nothing is stored then). The
     * limit holds exactly under concurrent callers. {@code expiresAt} may be null.
     */
    long storeOffline(String owner, String xml, Instant storedAt, Instant expiresAt, int limit);

    /** Up to {@code max} waiting messages with a sequence above {@code afterSeq}, oldest first. */
    List<OfflineMessage> offline(String owner, long afterSeq, int max);

    /** Removes the owner's waiting messages up to and including {@code uptoSeq} (once delivered); returns how many. */
    int removeOffline(String owner, long uptoSeq);

    /** How many messages the owner has waiting. */
    int countOffline(String owner);

    /** Deletes waiting messages stored before the cutoff (the age limit); returns how many. */
    int expireOfflineBefore(Instant cutoff);

    /** Removes everything held for the owner, archive and queue (account deletion). */
    void deleteAll(String owner);
}
