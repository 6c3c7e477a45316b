package im.tern.store;

import java.time.Instant;
import java.util.List;

/**
 * Fixed-window counters shared by every node of a cluster and kept across restarts: the abuse limits
 * (sign-up codes per number, per address, per number prefix; later contact-discovery caps).
 */
public interface QuotaStore {
    /** One counter: its key, the window it counts in, and the hits it allows in that window (at least 1). */
    record Quota(String key, Instant windowStart, Instant windowEnd, int limit) {
        public Quota {
            if (limit < 1) throw new IllegalArgumentException("a quota allows at least one hit: " + limit);
            if (!windowEnd.isAfter(windowStart)) throw new IllegalArgumentException("empty window for " + key);
        }
    }

    /**
     * Counts one hit on every quota, or on none: returns the quotas that were already full (empty when the
     * hit was counted on all of them).
     */
    List<Quota> hit(List<Quota> quotas);

    /** Forgets windows that ended before {@code before}; returns how many. */
    int purge(Instant before);

    /** Forgets every window of these counters (what they counted no longer exists); returns how many. */
    int forget(List<String> keys);
}
