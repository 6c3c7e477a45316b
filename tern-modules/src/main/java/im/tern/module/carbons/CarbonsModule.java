package im.tern.module.carbons;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.IqHandler;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.core.module.Sessions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Declares the enable/disable IQs and the hooks that copy sent and received messages. */
public final class CarbonsModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:carbons:2";
    static final SessionKey<Boolean> ENABLED = new SessionKey<>("carbons.enabled");

    @Override
    public String name() { return "carbons"; }

    @Override
    public void start(ModuleContext ctx) {
        Sessions sessions = ctx.sessions();
        CarbonCopies copies = new CarbonCopies(sessions);
        ctx.disco().serverFeature(NAMESPACE);
        IqHandler enable = request -> toggle(sessions, request, true);
        IqHandler disable = request -> toggle(sessions, request, false);
        // Clients send these without a 'to' (the account) or to the domain; both mean "this session".
        ctx.iq().accountSet("enable", NAMESPACE, enable);
        ctx.iq().accountSet("disable", NAMESPACE, disable);
        ctx.iq().serverSet("enable", NAMESPACE, enable);
        ctx.iq().serverSet("disable", NAMESPACE, disable);
        // AFTER: only what the filters (blocking, ...) let through is copied.
        ctx.hooks().on(Events.ClientStanza.class, Phase.AFTER, e -> {
            copies.sent(e.session(), e.stanza());
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.InboundStanza.class, Phase.AFTER, e -> {
            Stanza s = e.stanza();
            if (s.kind() == Stanza.Kind.MESSAGE && s.element().child("private", NAMESPACE) != null) {
                // Section 7: not copied, and the recipient gets the message without the marker.
                e.replace(s.withElement(s.element().withoutChildren("private", NAMESPACE)));
                return Hook.CONTINUE;
            }
            copies.received(s);
            return Hook.CONTINUE;
        });
    }

    private static CompletionStage<Stanza> toggle(Sessions sessions, Stanza request, boolean on) {
        Jid from = request.from();
        Session session = from == null ? null : sessions.get(from);
        Stanza reply;
        if (session == null || (request.to().local() != null && !request.to().equals(from.bare()))) {
            reply = request.errorReply(StanzaError.FORBIDDEN);
        } else {
            session.put(ENABLED, on ? Boolean.TRUE : null);
            reply = Iq.result(request);
        }
        return CompletableFuture.completedFuture(reply);
    }

    static boolean enabled(Session s) { return Boolean.TRUE.equals(s.get(ENABLED)); }
}
