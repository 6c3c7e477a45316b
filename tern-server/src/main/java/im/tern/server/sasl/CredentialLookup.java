package im.tern.server.sasl;

import im.tern.core.auth.Credentials;
import im.tern.server.cache.ExpiringCache;
import im.tern.store.UserStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An account's SCRAM credentials, read on the blocking executor and kept for a short while: a client
 * that reconnects in a loop, or thousands logging in at once, should not each cost a query.
 */
public final class CredentialLookup {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final ExpiringCache<String, Optional<Credentials>> cache;

    public CredentialLookup(UserStore users, Executor blocking) {
        this.cache = new ExpiringCache<>(users::credentials, blocking, TTL.toNanos(), 100_000);
    }

    public CompletableFuture<Optional<Credentials>> credentials(String username) { return cache.get(username); }

    /** Drops what is cached for the account, after a password change or deletion. */
    public void forget(String username) { cache.invalidate(username); }
}
