package im.tern.module.roster;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.IqHandler;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Adds, updates or removes one roster item. The client sets only the name and groups; the
 * subscription state belongs to the server (a client's 'subscription' and 'ask' are ignored).
 * Every change is pushed to the account's interested resources.
 */
final class RosterSet implements IqHandler {
    private final RosterStore rosters;
    private final RosterPush push;
    private final RosterRemoval removal;
    private final Executor blocking;

    RosterSet(RosterStore rosters, RosterPush push, RosterRemoval removal, Executor blocking) {
        this.rosters = rosters;
        this.push = push;
        this.removal = removal;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<Stanza> handle(Stanza request) {
        Jid account = request.from().bare();
        if (!request.to().equals(account)) return done(request.errorReply(StanzaError.FORBIDDEN));
        RosterChange change = RosterChange.parse(Iq.payload(request), account);
        if (change.error() != null) return done(request.errorReply(change.error(), change.reason()));
        if (change.remove()) {
            return CompletableFuture.supplyAsync(() -> remove(account, change.contact()), blocking)
                    .thenCompose(cancelled -> cancelled == null ? done(request.errorReply(StanzaError.ITEM_NOT_FOUND))
                            : cancelled.thenApply(v -> Iq.result(request)));
        }
        return CompletableFuture.supplyAsync(() -> update(account, change), blocking).thenApply(r -> Iq.result(request));
    }

    /**
     * Runs on the blocking executor; null when there was nothing to remove, else the presences that end
     * the subscriptions, on their way.
     */
    private CompletionStage<Void> remove(Jid account, Jid contact) {
        String user = account.local();
        Optional<RosterItem> item = rosters.item(user, contact);
        Map<Jid, String> pending = rosters.pendingIn(user);
        if (item.isEmpty() && !pending.containsKey(contact)) return null;
        String version = rosters.remove(user, contact);
        if (pending.containsKey(contact)) rosters.removePendingIn(user, contact);
        CompletionStage<Void> cancelled = removal.cancelSubscriptions(account, contact, item, pending.containsKey(contact));
        push.removed(account, contact, version);
        return cancelled;
    }

    private boolean update(Jid account, RosterChange change) {
        String user = account.local();
        RosterItem old = rosters.item(user, change.contact()).orElse(null);
        RosterItem item = new RosterItem(change.contact(), change.name(),
                old == null ? Subscription.NONE : old.subscription(), old != null && old.askSubscribe(), change.groups());
        String version = rosters.put(user, item);
        if (!item.equals(old)) push.updated(account, item, version);
        return true;
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
