package im.tern.module.disco;

import im.tern.core.Jid;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Whether a requester may learn about an account: it is the account itself, or the account shares
 * its presence with it (subscription from or both), as XEP-0030 section 8 asks.
 */
final class PresenceAuthorisation {
    private final RosterStore rosters;
    private final Executor blocking;

    PresenceAuthorisation(RosterStore rosters, Executor blocking) {
        this.rosters = rosters;
        this.blocking = blocking;
    }

    CompletionStage<Boolean> mayDiscover(Jid requester, Jid account) {
        if (requester == null) return CompletableFuture.completedFuture(false);
        if (requester.bare().equals(account)) return CompletableFuture.completedFuture(true);
        return CompletableFuture.supplyAsync(() -> rosters.item(account.local(), requester.bare())
                .map(RosterItem::subscription)
                .map(s -> s == Subscription.FROM || s == Subscription.BOTH)
                .orElse(false), blocking);
    }
}
