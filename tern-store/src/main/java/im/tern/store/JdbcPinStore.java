package im.tern.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** PINs in {@code signup_pins}; a try is counted with the row locked, so concurrent tries stay within the limit. */
final class JdbcPinStore implements PinStore {
    private final Sql sql;
    private final String upsert;

    JdbcPinStore(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("signup_pins", List.of("username"), List.of("pin_hash", "tries", "locked_until"));
    }

    @Override
    public Optional<Pin> get(String username) {
        return sql.first("SELECT pin_hash, tries, locked_until FROM signup_pins WHERE username = ?",
                rs -> new Pin(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3))), username);
    }

    @Override
    public void put(String username, String hash) {
        sql.update(upsert, username, hash, 0, 0L);
    }

    @Override
    public boolean delete(String username) {
        return sql.update("DELETE FROM signup_pins WHERE username = ?", username) == 1;
    }

    @Override
    public int countTry(String username, Instant now, int maxTries) {
        return sql.transaction(c -> {
            Optional<Integer> before = Sql.first(c, "SELECT tries FROM signup_pins WHERE username = ? AND locked_until <= ?"
                    + " AND tries < ? FOR UPDATE", rs -> rs.getInt(1), username, now.toEpochMilli(), maxTries);
            if (before.isEmpty()) return 0;
            Sql.update(c, "UPDATE signup_pins SET tries = ? WHERE username = ?", before.get() + 1, username);
            return before.get() + 1;
        });
    }

    @Override
    public void clearTries(String username) {
        sql.update("UPDATE signup_pins SET tries = 0 WHERE username = ?", username);
    }

    @Override
    public void lock(String username, Instant until) {
        sql.update("UPDATE signup_pins SET tries = 0, locked_until = ? WHERE username = ?", until.toEpochMilli(), username);
    }
}
