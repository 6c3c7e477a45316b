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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ends the subscriptions of a contact removed from the roster (RFC 6121 section 2.5.2): unsubscribe
 * when the user was subscribed or asking, unsubscribed (after unavailable presence from each
 * available resource) when the contact was subscribed or asking. The contact's server updates its
 * side when these arrive. The roster result waits for them, so that a presence the client sends next
 * (a fresh subscribe, say) cannot reach the contact before them.
 */
final class RosterRemoval {
    private final Router router;
    private final Sessions sessions;

    RosterRemoval(Router router, Sessions sessions) {
        this.router = router;
        this.sessions = sessions;
    }

    /** Completes when every presence it sent has been handled. */
    CompletionStage<Void> cancelSubscriptions(Jid account, Jid contact, Optional<RosterItem> item, boolean contactAsking) {
        Subscription sub = item.map(RosterItem::subscription).orElse(Subscription.NONE);
        boolean userSubscribed = sub == Subscription.TO || sub == Subscription.BOTH;
        boolean contactSubscribed = sub == Subscription.FROM || sub == Subscription.BOTH;
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        if (userSubscribed || item.map(RosterItem::askSubscribe).orElse(false)) {
            sent.add(router.routeAsync(presence("unsubscribe", account, contact)).toCompletableFuture());
        }
        if (contactSubscribed) {
            for (Session s : sessions.of(account)) {
                if (s.available()) sent.add(router.routeAsync(presence("unavailable", s.jid(), contact)).toCompletableFuture());
            }
        }
        if (contactSubscribed || contactAsking) {
            sent.add(router.routeAsync(presence("unsubscribed", account, contact)).toCompletableFuture());
        }
        // A failed delivery is the router's to report; the removal itself has happened.
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> null);
    }

    private static Stanza presence(String type, Jid from, Jid to) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", type)
                .attr("from", from.toString()).attr("to", to.toString()).build());
    }
}
