package im.tern.store;

import im.tern.core.Jid;
import java.util.Objects;
import java.util.Set;

/**
 * One contact on a roster.
 *
 * @param askSubscribe the user has sent a subscription request the contact has not answered (pending-out)
 */
public record RosterItem(Jid jid, String name, Subscription subscription, boolean askSubscribe, Set<String> groups) {
    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(subscription, "subscription");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
