package im.tern.server.sasl;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SCRAM (RFC 5802, RFC 7677) without channel binding: gs2 flags {@code n} and {@code y} are accepted,
 * {@code p} is refused because no -PLUS variant is offered. Unknown users get a made-up but stable salt
 * and fail only at the proof, so the exchange does not reveal which accounts exist. The server-first
 * message carries the account's salt, which every credential of the account (its own and its linked
 * devices') shares; the proof then says which credential the client holds (docs/decisions/0011).
 */
final class ScramMechanism implements SaslMechanism {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramAlgorithm algorithm;
    private final Jid domain;
    private final CredentialLookup credentials;
    private final byte[] serverSecret;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String user;
    private ScramCredential salt;
    private AccountCredentials account;

    ScramMechanism(ScramAlgorithm algorithm, Jid domain, CredentialLookup credentials, byte[] serverSecret) {
        this.algorithm = algorithm;
        this.domain = domain;
        this.credentials = credentials;
        this.serverSecret = serverSecret;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(byte[] response) {
        if (response == null) return done(SaslStep.challenge(new byte[0]));
        String message = new String(response, StandardCharsets.UTF_8);
        return serverFirst == null ? clientFirst(message) : CompletableFuture.completedFuture(clientFinal(message));
    }

    private CompletionStage<SaslStep> clientFirst(String message) {
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        if (message.startsWith("p=")) return done(SaslStep.failure("not-authorized", null));
        if (!message.startsWith("n,") && !message.startsWith("y,")) return done(SaslStep.failure("malformed-request", null));
        int second = message.indexOf(',', 2);
        if (second < 0) return done(SaslStep.failure("malformed-request", null));
        String authzField = message.substring(2, second);
        if (!authzField.isEmpty() && !authzField.startsWith("a=")) return done(SaslStep.failure("malformed-request", null));
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs.length < 2 || !attrs[0].startsWith("n=") || !attrs[1].startsWith("r=") || attrs[1].length() < 3) {
            return done(SaslStep.failure("malformed-request", null));
        }
        String authcid = decodeName(attrs[0].substring(2));
        String authzid = authzField.isEmpty() ? null : decodeName(authzField.substring(2));
        if (authcid == null || (authzField.length() > 0 && authzid == null)) return done(SaslStep.failure("malformed-request", null));
        user = SaslName.localpart(authcid, domain);
        if (user == null) return done(SaslStep.failure("not-authorized", null));
        if (!SaslName.authzidAllowed(authzid, user, domain)) return done(SaslStep.failure("invalid-authzid", user));
        String clientNonce = attrs[1].substring(2);
        return credentials.credentials(user).thenApply(found -> serverFirst(clientNonce, found));
    }

    private SaslStep serverFirst(String clientNonce, Optional<AccountCredentials> found) {
        account = found.filter(a -> a.account(algorithm) != null).orElse(null);
        salt = account != null ? account.account(algorithm) : decoy();
        byte[] serverNonce = new byte[18];
        RANDOM.nextBytes(serverNonce);
        nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt.salt())
                + ",i=" + salt.iterations();
        return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private SaslStep clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0 || !message.startsWith("c=")) return SaslStep.failure("malformed-request", user);
        String withoutProof = message.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        if (attrs.length < 2 || !attrs[1].equals("r=" + nonce)) return SaslStep.failure("not-authorized", user);
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!attrs[0].equals("c=" + expectedBinding)) return SaslStep.failure("not-authorized", user);
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return SaslStep.failure("malformed-request", user);
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        // An unknown user's proof is checked against the decoy all the same: the answer takes as long.
        AccountCredentials candidates = account != null ? account : AccountCredentials.of(new Credentials(salt, salt));
        Optional<AccountCredentials.Proven> proven = candidates.verify(algorithm, authMessage, proof);
        if (proven.isEmpty() || account == null) return SaslStep.failure("not-authorized", user);
        byte[] serverSignature = ScramCredential.hmac(algorithm, proven.get().serverKey(), authMessage);
        String verifier = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return SaslStep.success(user, proven.get().device(), verifier.getBytes(StandardCharsets.UTF_8));
    }

    /** A credential that matches no password, with a salt derived from the name so repeated probes look alike. */
    private ScramCredential decoy() {
        byte[] salt = ScramCredential.hmac(ScramAlgorithm.SHA_256, serverSecret, user.getBytes(StandardCharsets.UTF_8));
        byte[] key = new byte[algorithm.hashBytes()];
        RANDOM.nextBytes(key);
        return new ScramCredential(algorithm, java.util.Arrays.copyOf(salt, 16), Credentials.DEFAULT_ITERATIONS, key, key);
    }

    /** saslname: "=2C" is ",", "=3D" is "="; any other "=" is malformed. */
    static String decodeName(String s) {
        if (s.indexOf('=') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '=') { out.append(c); continue; }
            if (s.startsWith("=2C", i)) out.append(',');
            else if (s.startsWith("=3D", i)) out.append('=');
            else return null;
            i += 2;
        }
        return out.toString();
    }

    private static CompletionStage<SaslStep> done(SaslStep step) { return CompletableFuture.completedFuture(step); }
}
