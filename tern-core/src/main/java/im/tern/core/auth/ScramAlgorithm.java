package im.tern.core.auth;

/** The hash functions SCRAM runs on here, with their JCA names. */
public enum ScramAlgorithm {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32);

    private final String mechanism;
    private final String digest;
    private final String hmac;
    private final String pbkdf2;
    private final int hashBytes;

    ScramAlgorithm(String mechanism, String digest, String hmac, String pbkdf2, int hashBytes) {
        this.mechanism = mechanism;
        this.digest = digest;
        this.hmac = hmac;
        this.pbkdf2 = pbkdf2;
        this.hashBytes = hashBytes;
    }

    /** The SASL mechanism name. */
    public String mechanism() { return mechanism; }

    public String digest() { return digest; }

    public String hmac() { return hmac; }

    public String pbkdf2() { return pbkdf2; }

    public int hashBytes() { return hashBytes; }
}
