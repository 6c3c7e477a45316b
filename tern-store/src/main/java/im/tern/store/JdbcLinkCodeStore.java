package im.tern.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Link codes in {@code device_link_codes}; an attempt is counted with the code's row locked. */
final class JdbcLinkCodeStore implements LinkCodeStore {
    private static final String COLUMNS = "id, username, secret_hash, created_at, expires_at, attempts, status";

    private final Sql sql;

    JdbcLinkCodeStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void open(LinkCode code) {
        sql.transaction(c -> {
            Sql.update(c, "UPDATE device_link_codes SET status = 'dead' WHERE username = ? AND status = 'open'", code.username());
            return Sql.update(c, "INSERT INTO device_link_codes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", code.id(),
                    code.username(), code.secretHash(), code.created().toEpochMilli(), code.expires().toEpochMilli(),
                    code.attempts(), code.status().name().toLowerCase(Locale.ROOT));
        });
    }

    @Override
    public Optional<LinkCode> get(String id) {
        return sql.first("SELECT " + COLUMNS + " FROM device_link_codes WHERE id = ?", JdbcLinkCodeStore::row, id);
    }

    @Override
    public int attempt(String id, Instant now, int maxAttempts) {
        return sql.transaction(c -> {
            Optional<Integer> before = Sql.first(c, "SELECT attempts FROM device_link_codes WHERE id = ? AND status = 'open'"
                    + " AND expires_at > ? AND attempts < ? FOR UPDATE", rs -> rs.getInt(1), id, now.toEpochMilli(), maxAttempts);
            if (before.isEmpty()) return 0;
            Sql.update(c, "UPDATE device_link_codes SET attempts = ? WHERE id = ?", before.get() + 1, id);
            return before.get() + 1;
        });
    }

    @Override
    public boolean use(String id) {
        return sql.update("UPDATE device_link_codes SET status = 'used' WHERE id = ? AND status = 'open'", id) == 1;
    }

    @Override
    public int deleteAll(String username) {
        return sql.update("DELETE FROM device_link_codes WHERE username = ?", username);
    }

    @Override
    public int purge(Instant before) {
        return sql.update("DELETE FROM device_link_codes WHERE created_at < ?", before.toEpochMilli());
    }

    private static LinkCode row(ResultSet rs) throws SQLException {
        return new LinkCode(rs.getString(1), rs.getString(2), rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), Status.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)));
    }
}
