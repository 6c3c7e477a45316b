package im.tern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The archive in {@code archive}, paged by its identity column {@code seq} (archiving order); the queue in
 * {@code offline_messages}, with each owner's count in {@code offline_counts}. Whatever changes an owner's
 * queue locks that owner's count row first and moves the count with it, so the count is exact, the limit
 * holds under concurrent senders, and writers on one queue never deadlock.
 */
final class JdbcMessageStore implements MessageStore {
    private static final String COLUMNS = "owner, id, with_jid, origin_id, outgoing, stamp, expires_at, xml";
    private static final String LOCK_COUNT = "SELECT n FROM offline_counts WHERE owner = ? FOR UPDATE";

    private final Sql sql;

    JdbcMessageStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void archive(List<ArchivedMessage> messages) {
        if (messages.isEmpty()) return;
        sql.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (ArchivedMessage m : messages) {
                    ps.setString(1, m.owner());
                    ps.setString(2, m.id());
                    ps.setString(3, m.with());
                    ps.setString(4, m.originId());
                    ps.setBoolean(5, m.outgoing());
                    ps.setLong(6, m.timestamp().toEpochMilli());
                    ps.setObject(7, millis(m.expiresAt()));
                    ps.setString(8, m.xml());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public ArchivePage query(String owner, ArchiveQuery q) {
        if (q.ids() != null && q.ids().isEmpty()) return new ArchivePage(List.of(), true, 0, null);
        return sql.run(c -> {
            Filter filter = filter(c, owner, q); // what the count covers; RSM paging comes on top
            StringBuilder paged = new StringBuilder(filter.where);
            List<Object> params = new ArrayList<>(filter.params);
            if (q.after() != null) {
                paged.append(" AND seq > ?");
                params.add(seqOf(c, owner, q.after()));
            }
            if (q.backwards() && !q.lastPage()) {
                paged.append(" AND seq < ?");
                params.add(seqOf(c, owner, q.before()));
            }
            String order = q.backwards() ? " ORDER BY seq DESC" : " ORDER BY seq";
            params.add(q.max() + 1); // one more than asked says whether the page reaches the end
            List<Row> rows = Sql.list(c, "SELECT seq, " + COLUMNS + " FROM archive" + paged + order + " LIMIT ?",
                    JdbcMessageStore::row, params.toArray());
            boolean complete = rows.size() <= q.max();
            List<Row> page = new ArrayList<>(complete ? rows : rows.subList(0, q.max()));
            if (q.backwards()) Collections.reverse(page);
            Integer firstIndex = page.isEmpty() ? null : count(c, filter.and("seq < ?", page.get(0).seq));
            return new ArchivePage(page.stream().map(Row::message).toList(), complete, count(c, filter), firstIndex);
        });
    }

    @Override
    public Optional<ArchivedMessage> find(String owner, String id) {
        return sql.first("SELECT seq, " + COLUMNS + " FROM archive WHERE owner = ? AND id = ?", JdbcMessageStore::row, owner, id)
                .map(Row::message);
    }

    @Override
    public Optional<ArchivedMessage> findByOriginId(String owner, String with, String originId, boolean outgoing) {
        return sql.first("SELECT seq, " + COLUMNS + " FROM archive WHERE owner = ? AND with_jid = ? AND origin_id = ?"
                + " AND outgoing = ? ORDER BY seq DESC LIMIT 1", JdbcMessageStore::row, owner, with, originId, outgoing)
                .map(Row::message);
    }

    @Override
    public boolean replace(String owner, String id, String xml) {
        return sql.update("UPDATE archive SET xml = ? WHERE owner = ? AND id = ?", xml, owner, id) > 0;
    }

    @Override
    public int expireArchiveBefore(Instant cutoff) {
        return sql.update("DELETE FROM archive WHERE stamp < ?", cutoff.toEpochMilli());
    }

    @Override
    public int deleteExpired(Instant now) {
        int archived = sql.update("DELETE FROM archive WHERE expires_at <= ?", now.toEpochMilli());
        return archived + expireOffline("expires_at <= ?", now);
    }

    @Override
    public long storeOffline(String owner, String xml, Instant storedAt, Instant expiresAt, int limit) {
        return sql.transaction(c -> {
            // The update locks the count row: concurrent writers for one owner queue here and each sees the
            // count the one before it left. Should deleteAll remove the row meanwhile, this refuses (-1).
            Sql.update(c, "INSERT INTO offline_counts (owner, n) VALUES (?, 0) ON CONFLICT DO NOTHING", owner);
            int reserved = Sql.update(c, "UPDATE offline_counts SET n = n + 1 WHERE owner = ? AND n < ?", owner, limit);
            if (reserved == 0) return -1L;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO offline_messages (owner, stored_at, expires_at, xml) VALUES (?, ?, ?, ?)", new String[] {"seq"})) {
                ps.setString(1, owner);
                ps.setLong(2, storedAt.toEpochMilli());
                ps.setObject(3, millis(expiresAt));
                ps.setString(4, xml);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) throw new SQLException("no sequence number returned for the offline message");
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public List<OfflineMessage> offline(String owner, long afterSeq, int max) {
        return sql.list("SELECT seq, xml, stored_at, expires_at FROM offline_messages WHERE owner = ? AND seq > ?"
                + " ORDER BY seq LIMIT ?", rs -> new OfflineMessage(rs.getLong(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)), instant(rs, 4)), owner, afterSeq, max);
    }

    @Override
    public int removeOffline(String owner, long uptoSeq) {
        return removeWaiting(owner, "seq <= ?", uptoSeq);
    }

    @Override
    public int countOffline(String owner) {
        return sql.first("SELECT COUNT(*) FROM offline_messages WHERE owner = ?", rs -> rs.getInt(1), owner).orElse(0);
    }

    @Override
    public int expireOfflineBefore(Instant cutoff) {
        return expireOffline("stored_at < ?", cutoff);
    }

    @Override
    public void deleteAll(String owner) {
        sql.transaction(c -> {
            Sql.first(c, LOCK_COUNT, rs -> rs.getLong(1), owner); // the lock order every queue writer keeps
            Sql.update(c, "DELETE FROM offline_messages WHERE owner = ?", owner);
            Sql.update(c, "DELETE FROM offline_counts WHERE owner = ?", owner);
            return Sql.update(c, "DELETE FROM archive WHERE owner = ?", owner);
        });
    }

    /** Removes waiting messages matching the condition, owner by owner, each under its count lock. */
    private int expireOffline(String condition, Instant t) {
        List<String> owners = sql.list("SELECT DISTINCT owner FROM offline_messages WHERE " + condition,
                rs -> rs.getString(1), t.toEpochMilli());
        int removed = 0;
        for (String owner : owners) removed += removeWaiting(owner, condition, t.toEpochMilli());
        return removed;
    }

    private int removeWaiting(String owner, String condition, long value) {
        return sql.transaction(c -> {
            if (Sql.first(c, LOCK_COUNT, rs -> rs.getLong(1), owner).isEmpty()) return 0; // nothing ever queued
            int removed = Sql.update(c, "DELETE FROM offline_messages WHERE owner = ? AND " + condition, owner, value);
            if (removed > 0) Sql.update(c, "UPDATE offline_counts SET n = n - ? WHERE owner = ?", removed, owner);
            return removed;
        });
    }

    /** The XEP-0313 filters of a query as a WHERE clause; ids in it are resolved to sequence numbers. */
    private static Filter filter(Connection c, String owner, ArchiveQuery q) throws SQLException {
        Filter f = new Filter(" WHERE owner = ?", List.of(owner));
        if (q.with() != null) f = f.and("with_jid = ?", q.with());
        if (q.start() != null) f = f.and("stamp >= ?", q.start().toEpochMilli());
        if (q.end() != null) f = f.and("stamp <= ?", q.end().toEpochMilli());
        if (q.now() != null) f = f.and("(expires_at IS NULL OR expires_at > ?)", q.now().toEpochMilli());
        if (q.ids() != null) {
            f = new Filter(f.where + " AND id IN (" + String.join(", ", Collections.nCopies(q.ids().size(), "?")) + ")",
                    concat(f.params, q.ids()));
        }
        if (q.afterId() != null) f = f.and("seq > ?", seqOf(c, owner, q.afterId()));
        if (q.beforeId() != null) f = f.and("seq < ?", seqOf(c, owner, q.beforeId()));
        return f;
    }

    private record Filter(String where, List<Object> params) {
        Filter and(String condition, Object param) {
            return new Filter(where + " AND " + condition, concat(params, List.of(param)));
        }
    }

    private static long seqOf(Connection c, String owner, String id) throws SQLException {
        return Sql.first(c, "SELECT seq FROM archive WHERE owner = ? AND id = ?", rs -> rs.getLong(1), owner, id)
                .orElseThrow(() -> new ItemNotFoundException(id));
    }

    private static int count(Connection c, Filter f) throws SQLException {
        return Sql.first(c, "SELECT COUNT(*) FROM archive" + f.where, rs -> rs.getInt(1), f.params.toArray()).orElse(0);
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Long millis(Instant t) { return t == null ? null : t.toEpochMilli(); }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private record Row(long seq, ArchivedMessage message) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), new ArchivedMessage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)), instant(rs, 8), rs.getString(9)));
    }
}
