package im.tern.bench.sasl;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.nio.charset.StandardCharsets;

/** The keys a SCRAM client derives from one SaltedPassword (RFC 5802 section 3). */
record ScramKeys(byte[] clientKey, byte[] storedKey, byte[] serverKey) {
    static ScramKeys derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        byte[] salted = ScramCredential.saltedPassword(algorithm, password, salt, iterations);
        byte[] clientKey = ScramCredential.hmac(algorithm, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = ScramCredential.hash(algorithm, clientKey);
        byte[] serverKey = ScramCredential.hmac(algorithm, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramKeys(clientKey, storedKey, serverKey);
    }
}
