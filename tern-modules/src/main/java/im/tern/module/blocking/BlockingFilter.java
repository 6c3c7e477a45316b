package im.tern.module.blocking;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Hook;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import java.util.concurrent.CompletionStage;

/**
 * Refuses what a blocklist forbids (XEP-0191 sections 3.4 and 3.5): stanzas a client sends, before
 * they are routed, and messages and presence the server routes to an account, before delivery.
 */
final class BlockingFilter {
    private final Jid domain;
    private final Blocklists lists;
    private final Router router;

    BlockingFilter(Jid domain, Blocklists lists, Router router) {
        this.domain = domain;
        this.lists = lists;
        this.router = router;
    }

    /** A stanza from a local client: refused when its sender blocks the addressee or the addressee blocks the sender. */
    CompletionStage<Hook.Outcome> fromClient(Session session, Stanza stanza) {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (exempt(stanza)) return Hook.CONTINUE;
        return lists.of(from.bare()).thenCompose(own -> {
            if (own.blocks(to)) {
                if (answerable(stanza)) session.send(BlockingXml.blockedReply(stanza).element());
                return Hook.STOP;
            }
            if (!localAccount(to)) return Hook.CONTINUE;
            return lists.of(to.bare()).thenCompose(theirs -> {
                if (!theirs.blocks(from)) return Hook.CONTINUE;
                if (unavailableAnswer(stanza)) session.send(stanza.errorReply(StanzaError.SERVICE_UNAVAILABLE).element());
                return Hook.STOP;
            });
        });
    }

    /**
     * A message or presence on its way to a local account, whoever sent it: the server's own
     * presence broadcasts, probes and copies pass here, not through {@link #fromClient}.
     */
    CompletionStage<Hook.Outcome> toAccount(Stanza stanza) {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (exempt(stanza)) return Hook.CONTINUE;
        return lists.of(to.bare()).thenCompose(theirs -> {
            if (theirs.blocks(from)) {
                if (unavailableAnswer(stanza)) router.route(stanza.errorReply(StanzaError.SERVICE_UNAVAILABLE));
                return Hook.STOP;
            }
            if (!localAccount(from)) return Hook.CONTINUE;
            return lists.of(from.bare()).thenCompose(own -> {
                if (!own.blocks(to)) return Hook.CONTINUE;
                if (stanza.kind() == Stanza.Kind.MESSAGE && answerable(stanza)) router.route(BlockingXml.blockedReply(stanza));
                return Hook.STOP;
            });
        });
    }

    /**
     * Within one account, and to or from the server itself, nothing is blocked. Nor is ending a
     * subscription: it only takes away, and both rosters stay consistent when one side removes the other.
     */
    private boolean exempt(Stanza stanza) {
        Jid from = stanza.from();
        Jid to = stanza.to();
        if (from == null || to == null) return true;
        if (from.bare().equals(to.bare()) || server(from) || server(to)) return true;
        String type = stanza.type();
        return stanza.kind() == Stanza.Kind.PRESENCE && ("unsubscribe".equals(type) || "unsubscribed".equals(type));
    }

    private boolean server(Jid jid) { return jid.isDomain() && jid.domain().equals(domain.domain()); }

    private boolean localAccount(Jid jid) { return jid.local() != null && jid.domain().equals(domain.domain()); }

    /** Errors and IQ results are never answered with an error. */
    private static boolean answerable(Stanza s) {
        return !s.isError() && !(s.kind() == Stanza.Kind.IQ && "result".equals(s.type()));
    }

    /** Section 3.4: messages and IQ get/set from a blocked JID get service-unavailable; presence nothing. */
    private static boolean unavailableAnswer(Stanza s) {
        if (s.isError()) return false;
        return switch (s.kind()) {
            case MESSAGE -> true;
            case IQ -> "get".equals(s.type()) || "set".equals(s.type());
            case PRESENCE -> false;
        };
    }
}
