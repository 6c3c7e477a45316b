package im.tern.module.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link code as the user sees it, {@code id-secret} in lower-case base32 ({@code k3j9x2ab-7hq4mmv2pz5c6rt9w3fa}):
 * 40 random bits that find the code in the store, and 100 that prove it, of which the store keeps only a
 * SHA-256. Typed into a CLI or carried in a QR code; read case-insensitively.
 */
record LinkCode(String id, String secret) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("([a-z2-7]{8})-([a-z2-7]{20})");

    /** A fresh code from {@link SecureRandom}. */
    static LinkCode generate() {
        return new LinkCode(random(8), random(20));
    }

    /** The code in {@code text}, or null when it is not one. */
    static LinkCode parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? new LinkCode(m.group(1), m.group(2)) : null;
    }

    String text() { return id + "-" + secret; }

    /** What the store keeps: SHA-256 over the id and the secret. */
    byte[] hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(id.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            return sha.digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this is the code whose hash is stored, compared in constant time. */
    boolean matches(byte[] storedHash) {
        return MessageDigest.isEqual(hash(), storedHash);
    }

    @Override
    public String toString() { return "LinkCode[" + id + "-***]"; }

    private static String random(int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(c);
    }
}
