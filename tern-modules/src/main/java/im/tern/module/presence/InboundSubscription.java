package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A subscription stanza arriving for the account (RFC 6121 sections 3.1.3, 3.1.6, 3.2.3, 3.3.3):
 * update its roster, deliver the stanza to its available resources when the state changed, keep a
 * request until answered, and approve at once when the contact is already subscribed.
 */
final class InboundSubscription {
    private final Subscriptions subscriptions;
    private final Router router;
    private final Sessions sessions;
    private final Executor blocking;

    InboundSubscription(Subscriptions subscriptions, Router router, Sessions sessions, Executor blocking) {
        this.subscriptions = subscriptions;
        this.router = router;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    CompletionStage<Void> handle(Stanza stanza, SubscriptionType type) {
        Jid account = stanza.to().bare();
        Jid contact = stanza.from().bare();
        Element delivered = Presences.readdressed(stanza.element(), contact, account).element();
        String request = type == SubscriptionType.SUBSCRIBE ? delivered.toXml() : null;
        return subscriptions.applyInOrder(account, contact,
                s -> SubscriptionStateMachine.inbound(s, type), request, blocking).thenAccept(t -> {
            if (t.approve()) router.route(Presences.of("subscribed", account, contact));
            if (!t.pass()) return;
            for (Session own : sessions.of(account)) {
                if (own.available()) own.send(delivered);
            }
            if (type == SubscriptionType.UNSUBSCRIBE && t.lostFrom()) {
                for (Session own : sessions.of(account)) {
                    if (own.available()) router.route(Presences.of("unavailable", own.jid(), contact));
                }
            }
        });
    }
}
