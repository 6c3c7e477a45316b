package im.tern.core.auth;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything an account logs in with: its own credentials (the primary device's token, or a password) and
 * one set per linked device, all derived on the account's salts and iteration counts, so that SCRAM can send
 * the salt before it knows which of them the client holds (docs/decisions/0011-linked-device-credentials.md).
 */
public record AccountCredentials(Credentials primary, List<Linked> linked) {
    /** The device id of the account's own credentials. */
    public static final String PRIMARY = "primary";

    /** A linked device's credentials. */
    public record Linked(String device, Credentials credentials) {}

    /** A proof that verified: which device, and the ServerKey that signs the server-final message. */
    public record Proven(String device, byte[] serverKey) {}

    public AccountCredentials {
        linked = List.copyOf(linked);
    }

    /** An account without linked devices. */
    public static AccountCredentials of(Credentials primary) {
        return new AccountCredentials(primary, List.of());
    }

    /** The salt and iteration count SCRAM sends for this hash: the account's. */
    public ScramCredential account(ScramAlgorithm algorithm) {
        return primary.forAlgorithm(algorithm);
    }

    /**
     * Checks a SCRAM client proof (RFC 5802 section 3) against each credential: ClientKey = ClientProof XOR
     * HMAC(StoredKey_i, AuthMessage), accepted when H(ClientKey) equals StoredKey_i. Every credential is
     * tried, whatever matched, so the time taken does not say which one did. Tokens are 256 random bits, so
     * two devices never share a StoredKey.
     */
    public Optional<Proven> verify(ScramAlgorithm algorithm, byte[] authMessage, byte[] proof) {
        Proven found = null;
        for (Candidate c : candidates(algorithm)) {
            byte[] signature = ScramCredential.hmac(algorithm, c.credential.storedKey(), authMessage);
            if (proof.length != signature.length) continue;
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ signature[i]);
            boolean match = MessageDigest.isEqual(ScramCredential.hash(algorithm, clientKey), c.credential.storedKey());
            if (match && found == null) found = new Proven(c.device, c.credential.serverKey());
        }
        return Optional.ofNullable(found);
    }

    /**
     * The device whose token this password is (PLAIN, HTTP Basic), or null for none. The salted password is
     * computed once, on the account's SCRAM-SHA-256 salt, and compared with every device's keys in constant time.
     */
    public String deviceOf(String password) {
        ScramCredential given = ScramCredential.derive(ScramAlgorithm.SHA_256, password,
                account(ScramAlgorithm.SHA_256).salt(), account(ScramAlgorithm.SHA_256).iterations());
        String found = null;
        for (Candidate c : candidates(ScramAlgorithm.SHA_256)) {
            boolean match = MessageDigest.isEqual(given.storedKey(), c.credential.storedKey())
                    & MessageDigest.isEqual(given.serverKey(), c.credential.serverKey());
            if (match && found == null) found = c.device;
        }
        return found;
    }

    private record Candidate(String device, ScramCredential credential) {}

    /** The account's credential first, then each linked device's on the same salt (others could never match). */
    private List<Candidate> candidates(ScramAlgorithm algorithm) {
        ScramCredential own = account(algorithm);
        List<Candidate> out = new ArrayList<>(1 + linked.size());
        out.add(new Candidate(PRIMARY, own));
        for (Linked l : linked) {
            ScramCredential c = l.credentials().forAlgorithm(algorithm);
            if (c != null && c.iterations() == own.iterations() && Arrays.equals(c.salt(), own.salt())) {
                out.add(new Candidate(l.device(), c));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AccountCredentials[" + (1 + linked.size()) + " credentials]";
    }
}
