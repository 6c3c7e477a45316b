package im.tern.bench.sasl;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Derived SCRAM keys by algorithm, password, salt and iteration count (RFC 5802 lets a client
 * cache them), so logins to accounts sharing a password and salt run PBKDF2 once. Servers that
 * salt every account differently need one derivation per account: {@link #save}/{@link #load}
 * carry them to the next run. Keyed by a hash of the password, never the password itself.
 */
public final class ScramKeyCache {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder UNB64 = Base64.getDecoder();

    private final ConcurrentHashMap<String, ScramKeys> keys = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongAdder derivations = new LongAdder();

    public ScramKeyCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    ScramKeys keys(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        String passwordHash = HexFormat.of().formatHex(
                ScramCredential.hash(ScramAlgorithm.SHA_256, password.getBytes(StandardCharsets.UTF_8)));
        String key = algorithm.name() + ' ' + passwordHash + ' ' + B64.encodeToString(salt) + ' ' + iterations;
        ScramKeys found = keys.get(key);
        if (found != null) return found;
        derivations.increment();
        ScramKeys derived = ScramKeys.derive(algorithm, password, salt, iterations);
        if (keys.size() < maxEntries) keys.putIfAbsent(key, derived);
        return derived;
    }

    /** How many times PBKDF2 ran. */
    public long derivations() {
        return derivations.sum();
    }

    public int size() {
        return keys.size();
    }

    /** Adds the keys saved in {@code file} by an earlier run; a missing file adds nothing. */
    public void load(Path file) throws IOException {
        if (!Files.exists(file)) return;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.split(" ");
            if (f.length != 7 || keys.size() >= maxEntries) continue;
            keys.put(f[0] + ' ' + f[1] + ' ' + f[2] + ' ' + f[3],
                    new ScramKeys(UNB64.decode(f[4]), UNB64.decode(f[5]), UNB64.decode(f[6])));
        }
    }

    public void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>(keys.size());
        for (Map.Entry<String, ScramKeys> e : keys.entrySet()) {
            ScramKeys k = e.getValue();
            lines.add(e.getKey() + ' ' + B64.encodeToString(k.clientKey()) + ' ' + B64.encodeToString(k.storedKey())
                    + ' ' + B64.encodeToString(k.serverKey()));
        }
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }
}
