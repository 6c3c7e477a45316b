package im.tern.server.sasl;

import im.tern.core.auth.Credentials;
import im.tern.store.UserStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An account's SCRAM credentials, read on the blocking executor at every login. Not cached: a password
 * changed in-band, by the admin command from another process, or by a re-registration must count at
 * once, and one indexed read costs far less than the SCRAM exchange around it.
 */
public final class CredentialLookup {
    private final UserStore users;
    private final Executor blocking;

    public CredentialLookup(UserStore users, Executor blocking) {
        this.users = users;
        this.blocking = blocking;
    }

    public CompletableFuture<Optional<Credentials>> credentials(String username) {
        return CompletableFuture.supplyAsync(() -> users.credentials(username), blocking);
    }
}
