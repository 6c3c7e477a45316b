package im.tern.store;

import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Linked devices in {@code devices}. A login reads the account's row and its devices' rows in one join; a
 * device row holds only StoredKey and ServerKey, the salts and iteration counts being the account's.
 */
final class JdbcDeviceStore implements DeviceStore {
    private static final String ACCOUNT = "u.sha1_salt, u.sha1_iterations, u.sha1_stored_key, u.sha1_server_key,"
            + " u.sha256_salt, u.sha256_iterations, u.sha256_stored_key, u.sha256_server_key";
    private static final String LOGIN = "SELECT " + ACCOUNT + ", d.device_id, d.sha1_stored_key, d.sha1_server_key,"
            + " d.sha256_stored_key, d.sha256_server_key FROM users u LEFT JOIN devices d ON d.username = u.username"
            + " WHERE u.username = ? ORDER BY d.created_at, d.device_id";

    private final Sql sql;

    JdbcDeviceStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<AccountCredentials> credentials(String username) {
        return sql.run(c -> {
            Credentials[] primary = new Credentials[1];
            List<AccountCredentials.Linked> linked = new ArrayList<>();
            Sql.list(c, LOGIN, rs -> {
                if (primary[0] == null) primary[0] = JdbcUserStore.credentials(rs);
                String device = rs.getString(9);
                if (device != null) linked.add(new AccountCredentials.Linked(device, onAccountSalts(primary[0], rs)));
                return null;
            }, username);
            return primary[0] == null ? Optional.empty() : Optional.of(new AccountCredentials(primary[0], linked));
        });
    }

    @Override
    public List<Device> list(String username) {
        return sql.list("SELECT device_id, name, created_at FROM devices WHERE username = ? ORDER BY created_at, device_id",
                rs -> new Device(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), username);
    }

    @Override
    public Linking add(String username, Device device, Credentials credentials, int max) {
        return sql.transaction(c -> {
            Optional<Credentials> account = Sql.first(c, "SELECT " + ACCOUNT + " FROM users u WHERE u.username = ? FOR UPDATE",
                    JdbcUserStore::credentials, username);
            if (account.isEmpty()) return Linking.NO_ACCOUNT;
            if (!sameSalts(account.get(), credentials)) return Linking.STALE;
            int count = Sql.first(c, "SELECT COUNT(*) FROM devices WHERE username = ?", rs -> rs.getInt(1), username).orElse(0);
            if (count >= max) return Linking.FULL;
            ScramCredential s1 = credentials.sha1();
            ScramCredential s256 = credentials.sha256();
            Sql.update(c, "INSERT INTO devices (username, device_id, name, created_at, sha1_stored_key, sha1_server_key,"
                    + " sha256_stored_key, sha256_server_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username, device.id(),
                    device.name(), device.created().toEpochMilli(), s1.storedKey(), s1.serverKey(), s256.storedKey(), s256.serverKey());
            return Linking.LINKED;
        });
    }

    @Override
    public boolean revoke(String username, String deviceId) {
        return sql.update("DELETE FROM devices WHERE username = ? AND device_id = ?", username, deviceId) == 1;
    }

    @Override
    public int revokeAll(String username) {
        return sql.update("DELETE FROM devices WHERE username = ?", username);
    }

    /** The device's keys (columns 10 to 13) with the account's salts and iteration counts. */
    private static Credentials onAccountSalts(Credentials account, ResultSet rs) throws SQLException {
        ScramCredential a1 = account.sha1();
        ScramCredential a256 = account.sha256();
        return new Credentials(
                new ScramCredential(ScramAlgorithm.SHA_1, a1.salt(), a1.iterations(), rs.getBytes(10), rs.getBytes(11)),
                new ScramCredential(ScramAlgorithm.SHA_256, a256.salt(), a256.iterations(), rs.getBytes(12), rs.getBytes(13)));
    }

    private static boolean sameSalts(Credentials account, Credentials device) {
        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
            ScramCredential a = account.forAlgorithm(alg);
            ScramCredential d = device.forAlgorithm(alg);
            if (a.iterations() != d.iterations() || !Arrays.equals(a.salt(), d.salt())) return false;
        }
        return true;
    }
}
