package im.tern.module.signup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The random values of sign-up, all from one {@link SecureRandom}, and the hash a code is kept as. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    /** Six decimal digits, uniformly drawn. */
    static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** A verification id: 128 random bits, base64url. */
    static String verificationId() { return random(16); }

    /** An account token (its XMPP password): 256 random bits, base64url, 43 characters. */
    static String token() { return random(32); }

    /** SHA-256 over the verification id and the code: what the store keeps instead of the code. */
    static byte[] codeHash(String verificationId, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(verificationId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the code matches the stored hash, compared in constant time. */
    static boolean codeMatches(String verificationId, String code, byte[] storedHash) {
        return MessageDigest.isEqual(codeHash(verificationId, code), storedHash);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
