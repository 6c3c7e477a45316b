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

    /**
     * Another password's credentials on these salts and iteration counts. SCRAM sends an account's salt before
     * it knows which of the account's credentials the client holds, so a linked device's credentials, and a
     * changed password that must leave the linked devices working, are derived on the account's salts.
     */
    public Credentials withPassword(String password) {
        return new Credentials(ScramCredential.derive(ScramAlgorithm.SHA_1, password, sha1.salt(), sha1.iterations()),
                ScramCredential.derive(ScramAlgorithm.SHA_256, password, sha256.salt(), sha256.iterations()));
    }
}
