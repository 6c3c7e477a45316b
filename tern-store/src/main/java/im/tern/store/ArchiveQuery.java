package im.tern.store;

import java.time.Instant;
import java.util.List;

/**
 * A page request on an archive (XEP-0313 filters, XEP-0059 paging). Null means "no such filter".
 *
 * @param with     only messages exchanged with this bare JID
 * @param start    only messages archived at or after
 * @param end      only messages archived at or before
 * @param afterId  only messages after this id (XEP-0313 {@code after-id} field)
 * @param beforeId only messages before this id (XEP-0313 {@code before-id} field)
 * @param ids      only these ids (XEP-0313 {@code ids} field)
 * @param max      page size
 * @param after    RSM {@code <after/>}: the page after this id
 * @param before   RSM {@code <before/>}: the page before this id; empty asks for the last page
 * @param now      messages whose {@code expiresAt} is at or before this are left out
 */
public record ArchiveQuery(String with, Instant start, Instant end, String afterId, String beforeId, List<String> ids,
                           int max, String after, String before, Instant now) {
    public ArchiveQuery {
        if (max < 0) throw new IllegalArgumentException("max must not be negative");
        ids = ids == null ? null : List.copyOf(ids);
    }

    /** The first {@code max} messages of the whole archive. */
    public static ArchiveQuery first(int max, Instant now) {
        return new ArchiveQuery(null, null, null, null, null, null, max, null, null, now);
    }

    /** The last {@code max} messages of the whole archive (RSM empty {@code <before/>}). */
    public static ArchiveQuery last(int max, Instant now) {
        return new ArchiveQuery(null, null, null, null, null, null, max, null, "", now);
    }

    /** Paging backwards: the page ends before {@code before}, or is the last page. */
    public boolean backwards() { return before != null; }

    /** The last page was asked for: an empty RSM {@code <before/>}. */
    public boolean lastPage() { return before != null && before.isEmpty(); }
}
