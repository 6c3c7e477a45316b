package im.tern.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counters in {@code quota_counters}, one row per key and window. A hit is a conditional increment in one
 * transaction over every quota, rolled back when any is full; rows are taken in key order, so two hits
 * never wait on each other in a circle.
 */
final class JdbcQuotaStore implements QuotaStore {
    private static final Comparator<Quota> ORDER = Comparator.comparing(Quota::key).thenComparing(Quota::windowStart);

    private final Sql sql;

    JdbcQuotaStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Quota> hit(List<Quota> quotas) {
        List<Quota> ordered = new ArrayList<>(quotas);
        ordered.sort(ORDER);
        return sql.transaction(c -> {
            List<Quota> full = new ArrayList<>();
            for (Quota q : ordered) {
                long start = q.windowStart().toEpochMilli();
                Sql.update(c, "INSERT INTO quota_counters (counter_key, window_start, window_end, hits) VALUES (?, ?, ?, 0)"
                        + " ON CONFLICT DO NOTHING", q.key(), start, q.windowEnd().toEpochMilli());
                int counted = Sql.update(c, "UPDATE quota_counters SET hits = hits + 1"
                        + " WHERE counter_key = ? AND window_start = ? AND hits < ?", q.key(), start, q.limit());
                if (counted == 0) full.add(q);
            }
            if (!full.isEmpty()) c.rollback(); // none counted
            return List.copyOf(full);
        });
    }

    @Override
    public int purge(Instant before) {
        return sql.update("DELETE FROM quota_counters WHERE window_end < ?", before.toEpochMilli());
    }

    @Override
    public int forget(List<String> keys) {
        return sql.transaction(c -> {
            int removed = 0;
            for (String key : keys) removed += Sql.update(c, "DELETE FROM quota_counters WHERE counter_key = ?", key);
            return removed;
        });
    }
}
