package im.tern.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Look-ups in {@code discovery_lookups}, the daily count in {@code discovery_quota}. An admission locks the
 * account's count row first, so concurrent look-ups by one account are serial and the cap is exact. Sets of
 * values travel as one SQL array ({@code = ANY(?)}), so a batch of a thousand numbers is one statement.
 */
final class JdbcDiscoveryStore implements DiscoveryStore {
    private final Sql sql;

    JdbcDiscoveryStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Set<String> existing(Collection<String> usernames) {
        if (usernames.isEmpty()) return Set.of();
        return sql.run(c -> new HashSet<>(Sql.list(c, "SELECT username FROM users WHERE username = ANY(?)",
                rs -> rs.getString(1), Sql.varchars(c, new LinkedHashSet<>(usernames)))));
    }

    @Override
    public Admission admit(String username, Collection<String> hashes, long day, int maxNewPerDay) {
        Set<String> asked = new LinkedHashSet<>(hashes);
        return sql.transaction(c -> {
            int used = lockCount(c, username, day);
            Set<String> known = asked.isEmpty() ? Set.of() : new HashSet<>(Sql.list(c, "SELECT number_hash FROM discovery_lookups"
                    + " WHERE username = ? AND number_hash = ANY(?)", rs -> rs.getString(1), username, Sql.varchars(c, asked)));
            List<Object[]> fresh = new ArrayList<>();
            for (String h : asked) if (!known.contains(h)) fresh.add(new Object[] {username, h, day});
            if (maxNewPerDay > 0 && used + fresh.size() > maxNewPerDay) return new Admission(false, fresh.size(), used);
            Sql.batch(c, "INSERT INTO discovery_lookups (username, number_hash, last_day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", fresh);
            if (!known.isEmpty()) {
                Sql.update(c, "UPDATE discovery_lookups SET last_day = ? WHERE username = ? AND last_day < ? AND number_hash = ANY(?)",
                        day, username, day, Sql.varchars(c, known));
            }
            Sql.update(c, "UPDATE discovery_quota SET quota_day = ?, used = ? WHERE username = ?", day, used + fresh.size(), username);
            return new Admission(true, fresh.size(), used + fresh.size());
        });
    }

    /** Locks the account's count row (made on first use) and returns what it counted on {@code day}. */
    private static int lockCount(Connection c, String username, long day) throws SQLException {
        Sql.update(c, "INSERT INTO discovery_quota (username, quota_day, used) VALUES (?, ?, 0) ON CONFLICT DO NOTHING", username, day);
        return Sql.first(c, "SELECT quota_day, used FROM discovery_quota WHERE username = ? FOR UPDATE",
                rs -> rs.getLong(1) == day ? rs.getInt(2) : 0, username).orElseThrow();
    }

    @Override
    public int purge(long day) {
        return sql.transaction(c -> {
            Sql.update(c, "DELETE FROM discovery_quota WHERE quota_day < ?", day);
            return Sql.update(c, "DELETE FROM discovery_lookups WHERE last_day < ?", day);
        });
    }

    @Override
    public void deleteAll(String username) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM discovery_lookups WHERE username = ?", username);
            return Sql.update(c, "DELETE FROM discovery_quota WHERE username = ?", username);
        });
    }
}
