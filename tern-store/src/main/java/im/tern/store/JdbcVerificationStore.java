package im.tern.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifications in {@code signup_verifications}; {@code signup_numbers} holds the row that opening one locks,
 * so the series check and the insert are one step per number on every backend.
 */
final class JdbcVerificationStore implements VerificationStore {
    private static final String COLUMNS = "id, phone, code_hash, created_at, expires_at, attempts, status";
    private static final String SERIES = "SELECT COUNT(*), MAX(created_at) FROM signup_verifications"
            + " WHERE phone = ? AND created_at >= ?";

    private final Sql sql;

    JdbcVerificationStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Series recent(String phone, Instant since) {
        return sql.first(SERIES, JdbcVerificationStore::series, phone, since.toEpochMilli()).orElseThrow();
    }

    @Override
    public boolean open(Verification v, Instant since, int expectedCount) {
        long now = v.created().toEpochMilli();
        return sql.transaction(c -> {
            Sql.update(c, "INSERT INTO signup_numbers (phone, touched_at) VALUES (?, ?) ON CONFLICT DO NOTHING", v.phone(), now);
            Sql.first(c, "SELECT phone FROM signup_numbers WHERE phone = ? FOR UPDATE", rs -> true, v.phone());
            Series series = Sql.first(c, SERIES, JdbcVerificationStore::series, v.phone(), since.toEpochMilli()).orElseThrow();
            if (series.count() != expectedCount) return false;
            Sql.update(c, "UPDATE signup_numbers SET touched_at = ? WHERE phone = ?", now, v.phone());
            Sql.update(c, "UPDATE signup_verifications SET status = 'dead' WHERE phone = ? AND status = 'open'", v.phone());
            Sql.update(c, "INSERT INTO signup_verifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    v.id(), v.phone(), v.codeHash(), now, v.expires().toEpochMilli(), v.attempts(), name(v.status()));
            return true;
        });
    }

    @Override
    public Optional<Verification> get(String id) {
        return sql.first("SELECT " + COLUMNS + " FROM signup_verifications WHERE id = ?", JdbcVerificationStore::row, id);
    }

    @Override
    public int attempt(String id, Instant now, int maxAttempts) {
        return sql.transaction(c -> {
            Optional<Integer> before = Sql.first(c, "SELECT attempts FROM signup_verifications WHERE id = ? AND status = 'open'"
                    + " AND expires_at > ? AND attempts < ? FOR UPDATE", rs -> rs.getInt(1), id, now.toEpochMilli(), maxAttempts);
            if (before.isEmpty()) return 0;
            Sql.update(c, "UPDATE signup_verifications SET attempts = ? WHERE id = ?", before.get() + 1, id);
            return before.get() + 1;
        });
    }

    @Override
    public void refund(String id) {
        sql.update("UPDATE signup_verifications SET attempts = attempts - 1 WHERE id = ? AND attempts > 0", id);
    }

    @Override
    public boolean use(String id) {
        return sql.update("UPDATE signup_verifications SET status = 'used' WHERE id = ? AND status = 'open'", id) == 1;
    }

    @Override
    public void cancel(String id) {
        sql.update("DELETE FROM signup_verifications WHERE id = ?", id);
    }

    @Override
    public int purge(Instant before) {
        long cutoff = before.toEpochMilli();
        return sql.transaction(c -> Sql.update(c, "DELETE FROM signup_verifications WHERE created_at < ?", cutoff)
                + Sql.update(c, "DELETE FROM signup_numbers WHERE touched_at < ?", cutoff));
    }

    @Override
    public int forget(String phone) {
        return sql.transaction(c -> Sql.update(c, "DELETE FROM signup_verifications WHERE phone = ?", phone)
                + Sql.update(c, "DELETE FROM signup_numbers WHERE phone = ?", phone));
    }

    private static String name(Status status) { return status.name().toLowerCase(Locale.ROOT); }

    private static Series series(ResultSet rs) throws SQLException {
        int count = rs.getInt(1);
        long latest = rs.getLong(2);
        return new Series(count, rs.wasNull() ? null : Instant.ofEpochMilli(latest));
    }

    private static Verification row(ResultSet rs) throws SQLException {
        return new Verification(rs.getString(1), rs.getString(2), rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6), Status.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)));
    }
}
