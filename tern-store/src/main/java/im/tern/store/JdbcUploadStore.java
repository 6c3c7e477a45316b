package im.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Uploads in {@code uploads}; a reservation locks the owner's {@code upload_owners} row for its quota check. */
final class JdbcUploadStore implements UploadStore {
    private static final String COLUMNS = "id, owner, filename, size, content_type, created_at, expires_at, complete";

    private final Sql sql;

    JdbcUploadStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Refusal reserve(Upload slot, Instant dayStart, long maxPerDay, long maxTotal) {
        return sql.transaction(c -> {
            Sql.update(c, "INSERT INTO upload_owners (owner) VALUES (?) ON CONFLICT DO NOTHING", slot.owner());
            Sql.first(c, "SELECT owner FROM upload_owners WHERE owner = ? FOR UPDATE", rs -> rs.getString(1), slot.owner());
            long today = sum(c, "SELECT COALESCE(SUM(size), 0) FROM uploads WHERE owner = ? AND created_at > ?",
                    slot.owner(), dayStart.toEpochMilli());
            if (today + slot.size() > maxPerDay) return Refusal.DAY_QUOTA;
            long total = sum(c, "SELECT COALESCE(SUM(size), 0) FROM uploads WHERE owner = ? AND expires_at > ?",
                    slot.owner(), slot.created().toEpochMilli());
            if (total + slot.size() > maxTotal) return Refusal.TOTAL_QUOTA;
            Sql.update(c, "INSERT INTO uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", slot.id(), slot.owner(),
                    slot.filename(), slot.size(), slot.contentType(), slot.created().toEpochMilli(),
                    slot.expires().toEpochMilli(), slot.complete());
            return null;
        });
    }

    private static long sum(Connection c, String query, Object... params) throws SQLException {
        return Sql.first(c, query, rs -> rs.getLong(1), params).orElse(0L);
    }

    @Override
    public Optional<Upload> get(String id) {
        return sql.first("SELECT " + COLUMNS + " FROM uploads WHERE id = ?", JdbcUploadStore::upload, id);
    }

    @Override
    public boolean complete(String id, Instant now, Instant fileExpires) {
        return sql.update("UPDATE uploads SET complete = TRUE, expires_at = ? WHERE id = ? AND NOT complete AND expires_at > ?",
                fileExpires.toEpochMilli(), id, now.toEpochMilli()) == 1;
    }

    @Override
    public List<Upload> expired(Instant now, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?",
                JdbcUploadStore::upload, now.toEpochMilli(), limit);
    }

    @Override
    public boolean delete(String id) {
        return sql.update("DELETE FROM uploads WHERE id = ?", id) == 1;
    }

    @Override
    public List<String> deleteOwner(String owner) {
        return sql.transaction(c -> {
            List<String> ids = Sql.list(c, "SELECT id FROM uploads WHERE owner = ?", rs -> rs.getString(1), owner);
            Sql.update(c, "DELETE FROM uploads WHERE owner = ?", owner);
            Sql.update(c, "DELETE FROM upload_owners WHERE owner = ?", owner);
            return ids;
        });
    }

    @Override
    public Set<String> known(Collection<String> ids) {
        if (ids.isEmpty()) return Set.of();
        return sql.run(c -> new HashSet<>(Sql.list(c, "SELECT id FROM uploads WHERE id = ANY(?)",
                rs -> rs.getString(1), Sql.varchars(c, ids))));
    }

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)), rs.getBoolean(8));
    }
}
