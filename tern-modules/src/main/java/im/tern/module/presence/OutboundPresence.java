package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import java.util.concurrent.CompletionStage;

/**
 * Presence from the account's own client (RFC 6121 sections 3 and 4): broadcast presence (no
 * 'to'), directed presence, and subscription requests and answers. The hook stops the stanza:
 * this class routes whatever should go on.
 */
final class OutboundPresence {
    private final PresenceBroadcaster broadcaster;
    private final OutboundSubscription subscriptions;
    private final Router router;
    private final Hooks hooks;

    OutboundPresence(PresenceBroadcaster broadcaster, OutboundSubscription subscriptions, Router router, Hooks hooks) {
        this.broadcaster = broadcaster;
        this.subscriptions = subscriptions;
        this.router = router;
        this.hooks = hooks;
    }

    CompletionStage<Hook.Outcome> handle(Session session, Stanza stanza) {
        String type = stanza.type();
        SubscriptionType subscription = SubscriptionType.of(type);
        if (subscription != null) {
            if (stanza.to() == null) return Hook.STOP; // a subscription to nobody means nothing
            return subscriptions.handle(session, stanza, subscription).thenApply(v -> Hook.Outcome.STOP);
        }
        boolean available = type == null;
        if (!available && !type.equals("unavailable")) {
            // Clients do not probe (section 4.3) and their errors need an addressee.
            if (type.equals("error") && stanza.to() != null) router.route(stanza);
            else if (!type.equals("probe")) session.send(stanza.errorReply(StanzaError.BAD_REQUEST).element());
            return Hook.STOP;
        }
        Jid to = stanza.to();
        if (to != null) {
            DirectedPresence.sent(session, to, available);
            router.route(stanza);
            return Hook.STOP;
        }
        if (available) {
            boolean initial = !session.available();
            session.setPresence(stanza.element());
            return broadcaster.available(session, stanza.element(), initial).thenApply(v -> {
                // Offline delivery runs beside the client's next stanzas rather than ahead of them.
                if (initial) hooks.fire(new Events.InitialPresence(session));
                return Hook.Outcome.STOP;
            });
        }
        boolean wasAvailable = session.available();
        session.setPresence(null);
        return broadcaster.unavailable(session, stanza.element(), wasAvailable).thenApply(v -> Hook.Outcome.STOP);
    }
}
