package im.tern.server.testing;

import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The client side of SCRAM (RFC 5802), to drive the server's mechanism from tests. */
public final class ScramClient {
    private final ScramAlgorithm alg;
    private final String gs2Header;
    private final String clientFirstBare;
    private byte[] authMessage;
    private byte[] salted;

    public ScramClient(ScramAlgorithm alg, String gs2Header, String user) {
        this.alg = alg;
        this.gs2Header = gs2Header;
        this.clientFirstBare = "n=" + user + ",r=" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(12));
    }

    public String clientFirst() { return gs2Header + clientFirstBare; }

    /** The client-final message for the server-first message and password. */
    public String clientFinal(String serverFirst, String password) {
        Matcher m = Pattern.compile("r=([^,]+),s=([^,]+),i=(\\d+)").matcher(serverFirst);
        if (!m.find()) throw new AssertionError("bad server-first: " + serverFirst);
        salted = ScramCredential.saltedPassword(alg, password, Base64.getDecoder().decode(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] clientKey = ScramCredential.hmac(alg, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = ScramCredential.hash(alg, clientKey);
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8))
                + ",r=" + m.group(1);
        authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] signature = ScramCredential.hmac(alg, storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) proof[i] = (byte) (clientKey[i] ^ signature[i]);
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** The server-final message we expect: {@code v=} and the server signature. */
    public String expectedServerFinal() {
        byte[] serverKey = ScramCredential.hmac(alg, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return "v=" + Base64.getEncoder().encodeToString(ScramCredential.hmac(alg, serverKey, authMessage));
    }
}
