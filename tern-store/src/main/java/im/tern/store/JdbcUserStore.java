package im.tern.store;

import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Accounts in the {@code users} table; every lookup is by primary key, as logins need. */
final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "sha1_salt, sha1_iterations, sha1_stored_key, sha1_server_key, "
            + "sha256_salt, sha256_iterations, sha256_stored_key, sha256_server_key";

    private final Sql sql;

    JdbcUserStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean create(String username, Credentials c) {
        Object[] params = new Object[9];
        params[0] = username;
        System.arraycopy(secrets(c), 0, params, 1, 8);
        return sql.update("INSERT INTO users (username, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", params) == 1;
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        return sql.first("SELECT " + COLUMNS + " FROM users WHERE username = ?", JdbcUserStore::credentials, username);
    }

    @Override
    public boolean setCredentials(String username, Credentials c) {
        Object[] params = Arrays.copyOf(secrets(c), 9);
        params[8] = username;
        return sql.update("UPDATE users SET sha1_salt = ?, sha1_iterations = ?, sha1_stored_key = ?, sha1_server_key = ?,"
                + " sha256_salt = ?, sha256_iterations = ?, sha256_stored_key = ?, sha256_server_key = ?"
                + " WHERE username = ?", params) == 1;
    }

    @Override
    public boolean delete(String username) {
        return sql.update("DELETE FROM users WHERE username = ?", username) == 1;
    }

    @Override
    public boolean exists(String username) {
        return sql.first("SELECT 1 FROM users WHERE username = ?", rs -> true, username).isPresent();
    }

    @Override
    public List<String> list(int offset, int limit) {
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("offset and limit must not be negative");
        return sql.list("SELECT username FROM users ORDER BY username LIMIT ? OFFSET ?", rs -> rs.getString(1), limit, offset);
    }

    @Override
    public long count() {
        return sql.first("SELECT COUNT(*) FROM users", rs -> rs.getLong(1)).orElse(0L);
    }

    /** The eight secret columns, in {@link #COLUMNS} order. */
    private static Object[] secrets(Credentials c) {
        ScramCredential s1 = Objects.requireNonNull(c.sha1(), "SCRAM-SHA-1 credential");
        ScramCredential s256 = Objects.requireNonNull(c.sha256(), "SCRAM-SHA-256 credential");
        return new Object[] {s1.salt(), s1.iterations(), s1.storedKey(), s1.serverKey(),
                s256.salt(), s256.iterations(), s256.storedKey(), s256.serverKey()};
    }

    /** The eight secret columns at positions 1 to 8, in {@link #COLUMNS} order. */
    static Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(
                new ScramCredential(ScramAlgorithm.SHA_1, rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)),
                new ScramCredential(ScramAlgorithm.SHA_256, rs.getBytes(5), rs.getInt(6), rs.getBytes(7), rs.getBytes(8)));
    }
}
