package im.tern.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server keeps to verify one SCRAM mechanism (RFC 5802 section 3): the salt, the
 * iteration count, StoredKey and ServerKey. The password itself is never stored.
 */
public record ScramCredential(ScramAlgorithm algorithm, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Derives the credential from a password with a fresh random salt. */
    public static ScramCredential derive(ScramAlgorithm algorithm, String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(algorithm, password, salt, iterations);
    }

    public static ScramCredential derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(algorithm, password, salt, iterations);
        byte[] clientKey = hmac(algorithm, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = hash(algorithm, clientKey);
        byte[] serverKey = hmac(algorithm, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramCredential(algorithm, salt, iterations, storedKey, serverKey);
    }

    /** Whether the password yields this credential (used by PLAIN); compares in constant time. */
    public boolean matches(String password) {
        ScramCredential other = derive(algorithm, password, salt, iterations);
        return MessageDigest.isEqual(storedKey, other.storedKey) && MessageDigest.isEqual(serverKey, other.serverKey);
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), with Hi being PBKDF2 over the HMAC. */
    public static byte[] saltedPassword(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        // SASLprep is approximated by NFKC, which is what it reduces to for ordinary passwords.
        char[] normalised = Normalizer.normalize(password, Normalizer.Form.NFKC).toCharArray();
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm.pbkdf2());
            return f.generateSecret(new PBEKeySpec(normalised, salt, iterations, algorithm.hashBytes() * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hmac(ScramAlgorithm algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm.hmac());
            mac.init(new SecretKeySpec(key, algorithm.hmac()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hash(ScramAlgorithm algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm.digest()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
