package im.tern.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The archive in {@code archive}, paged by its identity column {@code seq} (archiving order); the queue in
 * {@code offline_messages} with a per-owner count in {@code offline_counts}, whose row a writer locks so
 * the limit holds exactly under concurrent senders.
 */
final class JdbcMessageStore implements MessageStore {
    private static final String COLUMNS = "owner, id, with_jid, origin_id, outgoing, stamp, expires_at, xml";

    private final Sql sql;

    JdbcMessageStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void archive(List<ArchivedMessage> messages) {
        if (messages.isEmpty()) return;
        sql.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        return sql.run(c -> {
            // The filters, as SQL and parameters; paging bounds come on top.
            StringBuilder where = new StringBuilder(" WHERE owner = ?");
            List<Object> params = new ArrayList<>(List.of(owner));
            if (q.with() != null) {
                where.append(" AND with_jid = ?");
                params.add(q.with());
            }
            if (q.start() != null) {
                where.append(" AND stamp >= ?");
                params.add(q.start().toEpochMilli());
            }
            if (q.end() != null) {
                where.append(" AND stamp <= ?");
                params.add(q.end().toEpochMilli());
            }
            if (q.now() != null) {
                where.append(" AND (expires_at IS NULL OR expires_at > ?)");
                params.add(q.now().toEpochMilli());
            }
            if (q.ids() != null) {
                if (q.ids().isEmpty()) return new ArchivePage(List.of(), true, 0, null);
                where.append(" AND id IN (").append(String.join(", ", Collections.nCopies(q.ids().size(), "?"))).append(")");
                params.addAll(q.ids());
            }
            if (q.afterId() != null) {
                where.append(" AND seq > ?");
                params.add(seqOf(c, owner, q.afterId()));
            }
            if (q.beforeId() != null) {
                where.append(" AND seq < ?");
                params.add(seqOf(c, owner, q.beforeId()));
            }
            int count = count(c, where.toString(), params);

            StringBuilder paged = new StringBuilder(where);
            List<Object> pagedParams = new ArrayList<>(params);
            if (q.after() != null) {
                paged.append(" AND seq > ?");
                pagedParams.add(seqOf(c, owner, q.after()));
            }
            if (q.backwards() && !q.before().isEmpty()) {
                paged.append(" AND seq < ?");
                pagedParams.add(seqOf(c, owner, q.before()));
            }
            String order = q.backwards() ? " ORDER BY seq DESC" : " ORDER BY seq";
            pagedParams.add(q.max() + 1); // one more than asked says whether the page is the end
            List<Row> rows = Sql.list(c, "SELECT seq, " + COLUMNS + " FROM archive" + paged + order + " LIMIT ?",
                    JdbcMessageStore::row, pagedParams.toArray());
            boolean complete = rows.size() <= q.max();
            if (!complete) rows = rows.subList(0, q.max());
            List<Row> oldestFirst = new ArrayList<>(rows);
            if (q.backwards()) Collections.reverse(oldestFirst);
            Integer firstIndex = oldestFirst.isEmpty() ? null
                    : count(c, where + " AND seq < ?", append(params, oldestFirst.get(0).seq));
            return new ArchivePage(oldestFirst.stream().map(Row::message).toList(), complete, count, firstIndex);
        });
    }

    @Override
    public Optional<ArchivedMessage> find(String owner, String id) {
        return sql.first("SELECT seq, " + COLUMNS + " FROM archive WHERE owner = ? AND id = ?", JdbcMessageStore::row, owner, id)
                .map(Row::message);
    }

    @Override
    public Optional<ArchivedMessage> findByOriginId(String owner, String with, String originId) {
        return sql.first("SELECT seq, " + COLUMNS + " FROM archive WHERE owner = ? AND with_jid = ? AND origin_id = ?"
                + " ORDER BY seq DESC LIMIT 1", JdbcMessageStore::row, owner, with, originId).map(Row::message);
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
        return sql.transaction(c -> {
            int archived = Sql.update(c, "DELETE FROM archive WHERE expires_at <= ?", now.toEpochMilli());
            List<String> owners = Sql.list(c, "SELECT DISTINCT owner FROM offline_messages WHERE expires_at <= ?",
                    rs -> rs.getString(1), now.toEpochMilli());
            int waiting = Sql.update(c, "DELETE FROM offline_messages WHERE expires_at <= ?", now.toEpochMilli());
            recount(c, owners);
            return archived + waiting;
        });
    }

    @Override
    public long storeOffline(String owner, String xml, Instant storedAt, Instant expiresAt, int limit) {
        return sql.transaction(c -> {
            // The owner's count row is locked by the update, so concurrent writers for one owner queue here.
            Sql.update(c, "INSERT INTO offline_counts (owner, n) VALUES (?, 0) ON CONFLICT DO NOTHING", owner);
            if (Sql.update(c, "UPDATE offline_counts SET n = n + 1 WHERE owner = ? AND n < ?", owner, limit) == 0) return -1L;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO offline_messages (owner, stored_at, expires_at, xml) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, owner);
                ps.setLong(2, storedAt.toEpochMilli());
                ps.setObject(3, millis(expiresAt));
                ps.setString(4, xml);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public List<OfflineMessage> offline(String owner, long afterSeq, int max) {
        return sql.list("SELECT seq, xml, stored_at, expires_at FROM offline_messages WHERE owner = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> {
                    long expires = rs.getLong(4);
                    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
                    return new OfflineMessage(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), expiresAt);
                }, owner, afterSeq, max);
    }

    @Override
    public int removeOffline(String owner, long uptoSeq) {
        return sql.transaction(c -> {
            int removed = Sql.update(c, "DELETE FROM offline_messages WHERE owner = ? AND seq <= ?", owner, uptoSeq);
            if (removed > 0) Sql.update(c, "UPDATE offline_counts SET n = n - ? WHERE owner = ?", removed, owner);
            return removed;
        });
    }

    @Override
    public int countOffline(String owner) {
        return sql.first("SELECT COUNT(*) FROM offline_messages WHERE owner = ?", rs -> rs.getInt(1), owner).orElse(0);
    }

    @Override
    public int expireOfflineBefore(Instant cutoff) {
        return sql.transaction(c -> {
            List<String> owners = Sql.list(c, "SELECT DISTINCT owner FROM offline_messages WHERE stored_at < ?",
                    rs -> rs.getString(1), cutoff.toEpochMilli());
            int removed = Sql.update(c, "DELETE FROM offline_messages WHERE stored_at < ?", cutoff.toEpochMilli());
            recount(c, owners);
            return removed;
        });
    }

    @Override
    public void deleteAll(String owner) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM archive WHERE owner = ?", owner);
            Sql.update(c, "DELETE FROM offline_messages WHERE owner = ?", owner);
            Sql.update(c, "DELETE FROM offline_counts WHERE owner = ?", owner);
            return null;
        });
    }

    private static void recount(Connection c, List<String> owners) throws SQLException {
        for (String o : owners) {
            Sql.update(c, "UPDATE offline_counts SET n = (SELECT COUNT(*) FROM offline_messages WHERE owner = ?) WHERE owner = ?", o, o);
        }
    }

    private static long seqOf(Connection c, String owner, String id) throws SQLException {
        return Sql.first(c, "SELECT seq FROM archive WHERE owner = ? AND id = ?", rs -> rs.getLong(1), owner, id)
                .orElseThrow(() -> new ItemNotFoundException(id));
    }

    private static int count(Connection c, String where, List<Object> params) throws SQLException {
        return Sql.first(c, "SELECT COUNT(*) FROM archive" + where, rs -> rs.getInt(1), params.toArray()).orElse(0);
    }

    private static List<Object> append(List<Object> params, Object more) {
        List<Object> all = new ArrayList<>(params);
        all.add(more);
        return all;
    }

    private static Long millis(Instant t) { return t == null ? null : t.toEpochMilli(); }

    private record Row(long seq, ArchivedMessage message) {}

    private static Row row(ResultSet rs) throws SQLException {
        long expires = rs.getLong(8);
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new Row(rs.getLong(1), new ArchivedMessage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)), expiresAt, rs.getString(9)));
    }
}
