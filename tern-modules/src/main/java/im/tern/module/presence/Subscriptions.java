package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.module.roster.RosterPush;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a subscription transition to an account's stored state for one contact: the roster item
 * (pushed when it changed) and the pending inbound request. Blocking: call on the blocking executor.
 *
 * <p>Stanzas for one account may be handled on several threads at once (a contact's unsubscribe and
 * unsubscribed are routed separately), so each account's read-change-write runs under a lock;
 * the transitions then compose whatever their order.
 */
final class Subscriptions {
    private final RosterStore rosters;
    private final RosterPush push;
    private final Object[] locks = new Object[64];
    /** The last queued change per account; changes for one account apply in the order they were asked for. */
    private final java.util.concurrent.ConcurrentHashMap<Jid, java.util.concurrent.CompletableFuture<?>> tails =
            new java.util.concurrent.ConcurrentHashMap<>();

    Subscriptions(RosterStore rosters, RosterPush push) {
        this.rosters = rosters;
        this.push = push;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    /**
     * Queues the transition behind the account's earlier ones and runs it on {@code blocking}: a contact's
     * unsubscribed followed by a fresh subscribe must not be applied the other way round.
     */
    java.util.concurrent.CompletableFuture<SubscriptionStateMachine.Transition> applyInOrder(Jid account, Jid contact,
            Function<SubscriptionState, SubscriptionStateMachine.Transition> rule, String request,
            java.util.concurrent.Executor blocking) {
        java.util.concurrent.CompletableFuture<SubscriptionStateMachine.Transition> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<?> previous = tails.put(account, mine);
        Runnable run = () -> {
            try {
                mine.complete(apply(account, contact, rule, request));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        };
        if (previous == null) blocking.execute(run);
        else previous.whenCompleteAsync((r, e) -> run.run(), blocking);
        mine.whenComplete((r, e) -> tails.remove(account, mine));
        return mine;
    }

    /**
     * @param request the subscribe stanza to keep when the transition leaves a request pending in
     */
    SubscriptionStateMachine.Transition apply(Jid account, Jid contact,
                                              Function<SubscriptionState, SubscriptionStateMachine.Transition> rule,
                                              String request) {
        synchronized (locks[Math.floorMod(account.hashCode(), locks.length)]) {
            return applyLocked(account, contact, rule, request);
        }
    }

    private SubscriptionStateMachine.Transition applyLocked(Jid account, Jid contact,
            Function<SubscriptionState, SubscriptionStateMachine.Transition> rule, String request) {
        String user = account.local();
        Optional<RosterItem> item = rosters.item(user, contact);
        boolean pendingIn = rosters.pendingIn(user).containsKey(contact);
        SubscriptionState before = SubscriptionState.of(item, pendingIn);
        SubscriptionStateMachine.Transition t = rule.apply(before);
        SubscriptionState after = t.next();
        if (after.pendingIn() && !pendingIn && request != null) rosters.addPendingIn(user, contact, request);
        if (!after.pendingIn() && pendingIn) rosters.removePendingIn(user, contact);
        // A contact that only asked to subscribe stays off the roster until the account answers.
        boolean keepsItem = item.isPresent() || after.subscription() != Subscription.NONE || after.pendingOut();
        if (keepsItem) {
            RosterItem updated = new RosterItem(contact, item.map(RosterItem::name).orElse(null), after.subscription(),
                    after.pendingOut(), item.map(RosterItem::groups).orElse(Set.of()));
            if (!item.equals(Optional.of(updated))) {
                String version = rosters.put(user, updated);
                push.updated(account, updated, version);
            }
        }
        return t;
    }
}
