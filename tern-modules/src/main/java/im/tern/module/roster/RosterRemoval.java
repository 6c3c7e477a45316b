package im.tern.module.roster;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterItem;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.util.Optional;

/**
 * Ends the subscriptions of a contact removed from the roster (RFC 6121 section 2.5.2): unsubscribe
 * when the user was subscribed or asking, unsubscribed (after unavailable presence from each
 * available resource) when the contact was subscribed or asking. The contact's server updates its
 * side when these arrive.
 */
final class RosterRemoval {
    private final Router router;
    private final Sessions sessions;

    RosterRemoval(Router router, Sessions sessions) {
        this.router = router;
        this.sessions = sessions;
    }

    void cancelSubscriptions(Jid account, Jid contact, Optional<RosterItem> item, boolean contactAsking) {
        Subscription sub = item.map(RosterItem::subscription).orElse(Subscription.NONE);
        boolean userSubscribed = sub == Subscription.TO || sub == Subscription.BOTH;
        boolean contactSubscribed = sub == Subscription.FROM || sub == Subscription.BOTH;
        if (userSubscribed || item.map(RosterItem::askSubscribe).orElse(false)) {
            router.route(presence("unsubscribe", account, contact));
        }
        if (contactSubscribed) {
            for (Session s : sessions.of(account)) {
                if (s.available()) router.route(presence("unavailable", s.jid(), contact));
            }
        }
        if (contactSubscribed || contactAsking) router.route(presence("unsubscribed", account, contact));
    }

    private static Stanza presence(String type, Jid from, Jid to) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", type)
                .attr("from", from.toString()).attr("to", to.toString()).build());
    }
}
