package im.tern.server.sasl;

import im.tern.core.Jid;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}. Offered over TLS only. The password is
 * checked against the account's SCRAM-SHA-256 credentials, its own and each linked device's, which costs
 * one PBKDF2 run on the account's salt: that runs on the blocking executor, never on the event loop.
 */
final class PlainMechanism implements SaslMechanism {
    private final Jid domain;
    private final CredentialLookup credentials;
    private final Executor blocking;

    PlainMechanism(Jid domain, CredentialLookup credentials, Executor blocking) {
        this.domain = domain;
        this.credentials = credentials;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(byte[] response) {
        if (response == null) return CompletableFuture.completedFuture(SaslStep.challenge(new byte[0]));
        String[] parts = new String(response, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return CompletableFuture.completedFuture(SaslStep.failure("malformed-request", null));
        }
        String user = SaslName.localpart(parts[1], domain);
        if (user == null) return CompletableFuture.completedFuture(SaslStep.failure("not-authorized", null));
        if (!SaslName.authzidAllowed(parts[0], user, domain)) {
            return CompletableFuture.completedFuture(SaslStep.failure("invalid-authzid", user));
        }
        String password = parts[2];
        return credentials.credentials(user).thenApplyAsync(found -> {
            String device = found.map(c -> c.deviceOf(password)).orElse(null);
            return device != null ? SaslStep.success(user, device, null) : SaslStep.failure("not-authorized", user);
        }, blocking);
    }
}
