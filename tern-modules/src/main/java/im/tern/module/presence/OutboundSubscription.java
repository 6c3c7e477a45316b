package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A subscription stanza the account sends (RFC 6121 sections 3.1.2, 3.1.5, 3.2.1, 3.3.1): update the
 * account's roster, then route the stanza from the bare JID. Approving a request also sends the
 * account's current presence; cancelling one sends unavailable from each available resource.
 */
final class OutboundSubscription {
    private final Subscriptions subscriptions;
    private final Router router;
    private final Sessions sessions;
    private final Executor blocking;

    OutboundSubscription(Subscriptions subscriptions, Router router, Sessions sessions, Executor blocking) {
        this.subscriptions = subscriptions;
        this.router = router;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    CompletionStage<Void> handle(Session session, Stanza stanza, SubscriptionType type) {
        Jid account = session.jid().bare();
        Jid contact = stanza.to().bare();
        if (contact.equals(account)) return CompletableFuture.completedFuture(null);
        return subscriptions.applyInOrder(account, contact,
                s -> SubscriptionStateMachine.outbound(s, type), null, blocking).thenAccept(t -> {
            if (!t.pass()) return;
            router.route(Presences.readdressed(stanza.element(), account, contact));
            for (Session own : sessions.of(account)) {
                if (own.presence() == null) continue;
                if (type == SubscriptionType.SUBSCRIBED) {
                    router.route(Presences.readdressed(own.presence(), own.jid(), contact));
                } else if (type == SubscriptionType.UNSUBSCRIBED && t.lostFrom()) {
                    router.route(Presences.of("unavailable", own.jid(), contact));
                }
            }
        });
    }
}
