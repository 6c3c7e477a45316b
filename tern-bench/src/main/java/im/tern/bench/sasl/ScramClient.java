package im.tern.bench.sasl;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The client side of one SCRAM exchange without channel binding (RFC 5802, RFC 7677):
 * {@link #clientFirst()}, then {@link #clientFinal(String)} on the server-first message, then
 * {@link #verifyServerFinal(String)}. Messages are the decoded SASL payloads, not base64.
 */
public final class ScramClient {
    private static final String GS2_HEADER = "n,,";

    private final ScramAlgorithm algorithm;
    private final String username;
    private final String password;
    private final String clientNonce;
    private final ScramKeyCache cache;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramClient(ScramAlgorithm algorithm, String username, String password, String clientNonce, ScramKeyCache cache) {
        this.algorithm = algorithm;
        this.username = username;
        this.password = password;
        this.clientNonce = clientNonce;
        this.cache = cache;
    }

    public ScramAlgorithm algorithm() {
        return algorithm;
    }

    public String clientFirst() {
        clientFirstBare = "n=" + escape(username) + ",r=" + clientNonce;
        return GS2_HEADER + clientFirstBare;
    }

    /** Answers the server-first message; throws {@link IllegalArgumentException} when it is malformed or forged. */
    public String clientFinal(String serverFirst) {
        String nonce = attribute(serverFirst, 'r');
        String salt = attribute(serverFirst, 's');
        String iterations = attribute(serverFirst, 'i');
        if (nonce == null || salt == null || iterations == null) throw new IllegalArgumentException("bad server-first: " + serverFirst);
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new IllegalArgumentException("server nonce does not extend the client nonce");
        }
        int count = Integer.parseInt(iterations);
        if (count < 1) throw new IllegalArgumentException("bad iteration count " + count);
        ScramKeys keys = cache.keys(algorithm, password, Base64.getDecoder().decode(salt), count);
        String channelBinding = Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));
        String withoutProof = "c=" + channelBinding + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + ',' + serverFirst + ',' + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = ScramCredential.hmac(algorithm, keys.storedKey(), authMessage);
        byte[] proof = keys.clientKey().clone();
        for (int i = 0; i < proof.length; i++) proof[i] ^= signature[i];
        expectedServerSignature = ScramCredential.hmac(algorithm, keys.serverKey(), authMessage);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Whether the server proved it knows the credential; false on an error ({@code e=}) or a wrong signature. */
    public boolean verifyServerFinal(String serverFinal) {
        String verifier = attribute(serverFinal, 'v');
        if (verifier == null || expectedServerSignature == null) return false;
        return MessageDigest.isEqual(expectedServerSignature, Base64.getDecoder().decode(verifier));
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') return part.substring(2);
        }
        return null;
    }

    private static String escape(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }
}
