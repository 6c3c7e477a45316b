package im.tern.core.auth;

/** An account's stored secrets: one SCRAM credential per supported hash. */
public record Credentials(ScramCredential sha1, ScramCredential sha256) {
    /** The default iteration count: RFC 7677 asks for at least 4096. */
    public static final int DEFAULT_ITERATIONS = 4096;

    public static Credentials fromPassword(String password) {
        return fromPassword(password, DEFAULT_ITERATIONS);
    }

    public static Credentials fromPassword(String password, int iterations) {
        return new Credentials(ScramCredential.derive(ScramAlgorithm.SHA_1, password, iterations),
                ScramCredential.derive(ScramAlgorithm.SHA_256, password, iterations));
    }

    public ScramCredential forAlgorithm(ScramAlgorithm algorithm) {
        return algorithm == ScramAlgorithm.SHA_1 ? sha1 : sha256;
    }
}
