package im.tern.server.route;

import im.tern.server.cache.ExpiringCache;
import im.tern.server.session.SessionRegistry;
import im.tern.core.Jid;
import im.tern.store.UserStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Whether a local account exists, asked on every stanza to a bare JID. An account with a bound
 * session exists; otherwise the store is asked on the blocking executor and a yes is kept briefly.
 * A no is not kept, so an account registered a moment ago is reachable at once.
 */
public final class AccountDirectory {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final SessionRegistry sessions;
    private final ExpiringCache<String, Boolean> known;

    public AccountDirectory(UserStore users, SessionRegistry sessions, Executor blocking) {
        this.sessions = sessions;
        this.known = new ExpiringCache<>(users::exists, blocking, TTL.toNanos(), 100_000);
    }

    public CompletableFuture<Boolean> exists(Jid account) {
        if (!sessions.of(account.bare()).isEmpty()) return CompletableFuture.completedFuture(true);
        String user = account.local();
        return known.get(user).thenApply(exists -> {
            if (!exists) known.invalidate(user);
            return exists;
        });
    }

    /** Forgets an account at once, when it is deleted. */
    public void forget(Jid account) { known.invalidate(account.local()); }
}
