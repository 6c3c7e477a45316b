package im.tern.server.stream;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.server.route.StanzaRouter;
import im.tern.server.session.LocalSession;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What happens to each stanza a bound client sends: validate (RFC 6120 sections 8.1, 8.2.3, 8.3), stamp
 * {@code from} with the session's full JID, fire {@link Events.ClientStanza}, then route. A spoofed
 * {@code from} ends the stream; other faults are answered with a stanza error.
 */
final class ClientStanzas {
    /** Thrown to the stream when a stanza breaks a rule that ends it. */
    static final class StreamViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String condition;

        StreamViolation(String condition) {
            super(condition, null, false, false);
            this.condition = condition;
        }
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Jid domain;
    private final Hooks hooks;
    private final StanzaRouter router;

    ClientStanzas(Jid domain, Hooks hooks, StanzaRouter router) {
        this.domain = domain;
        this.hooks = hooks;
        this.router = router;
    }

    CompletionStage<?> process(LocalSession session, Element e) {
        Jid full = session.jid();
        String from = e.attr("from");
        if (from != null) {
            Jid claimed = Jid.parse(from);
            if (claimed == null || !(claimed.equals(full) || claimed.equals(full.bare()))) {
                throw new StreamViolation("invalid-from");
            }
        }
        Element stamped = e.withAttr("from", full.toString());
        String to = e.attr("to");
        if (to != null && Jid.parse(to) == null) return refuse(session, stamped, StanzaError.JID_MALFORMED);
        if (e.name().equals("iq") && !validIq(e)) return refuse(session, stamped, StanzaError.BAD_REQUEST);
        Stanza stanza = Stanza.of(stamped);
        return hooks.fire(new Events.ClientStanza(session, stanza)).<Void>thenCompose(outcome -> {
            if (outcome == Hook.Outcome.STOP) return DONE;
            if (stanza.kind() == Stanza.Kind.PRESENCE && stanza.to() == null) {
                String type = stanza.type();
                if (type == null || type.equals("unavailable")) session.setPresence(stamped);
                return DONE;
            }
            CompletionStage<Boolean> routed = router.routeAsync(stanza);
            if (!ServerReceipts.wanted(session, stanza)) return routed.thenApply(accepted -> null);
            return routed.thenApply(accepted -> {
                if (accepted) session.send(ServerReceipts.receipt(domain, session, stanza));
                return null;
            });
        });
    }

    /** RFC 6120 section 8.2.3: an id, a known type, and exactly one payload for get and set. */
    static boolean validIq(Element iq) {
        if (iq.attr("id") == null) return false;
        String type = iq.attr("type");
        if (type == null) return false;
        return switch (type) {
            case "get", "set" -> iq.elements().size() == 1;
            case "result" -> iq.elements().size() <= 1;
            case "error" -> true;
            default -> false;
        };
    }

    /** Answers the sender directly (never an error with an error) and ends this stanza's processing. */
    private static CompletionStage<?> refuse(LocalSession session, Element stamped, StanzaError error) {
        if (!"error".equals(stamped.attr("type"))) {
            session.send(Stanza.of(stamped).errorReply(error).element());
        }
        return DONE;
    }
}
