package im.tern.module.presence;

import im.tern.store.RosterItem;
import im.tern.store.Subscription;
import java.util.Optional;

/**
 * One side's view of a subscription between an account and a contact, as in RFC 6121 Appendix A:
 * the roster item's subscription, the account's unanswered request (pending out, the item's
 * 'ask') and the contact's unanswered request (pending in, kept beside the roster).
 */
record SubscriptionState(Subscription subscription, boolean pendingOut, boolean pendingIn) {
    static SubscriptionState of(Optional<RosterItem> item, boolean pendingIn) {
        return new SubscriptionState(item.map(RosterItem::subscription).orElse(Subscription.NONE),
                item.map(RosterItem::askSubscribe).orElse(false), pendingIn);
    }

    static SubscriptionState of(RosterItem item) { return of(Optional.of(item), false); }

    /** The account receives the contact's presence. */
    boolean to() { return subscription == Subscription.TO || subscription == Subscription.BOTH; }

    /** The contact receives the account's presence. */
    boolean from() { return subscription == Subscription.FROM || subscription == Subscription.BOTH; }

    static SubscriptionState of(boolean to, boolean from, boolean pendingOut, boolean pendingIn) {
        Subscription s = to ? (from ? Subscription.BOTH : Subscription.TO) : (from ? Subscription.FROM : Subscription.NONE);
        return new SubscriptionState(s, pendingOut, pendingIn);
    }
}
