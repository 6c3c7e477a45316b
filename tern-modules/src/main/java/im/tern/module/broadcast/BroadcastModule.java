package im.tern.module.broadcast;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.xml.Element;
import java.util.concurrent.CompletionStage;

/** The domain as an XEP-0033 multicast service for messages: one send, one message per recipient. */
public final class BroadcastModule implements Module {
    public static final String NAMESPACE = "http://jabber.org/protocol/address";
    public static final int DEFAULT_MAX_RECIPIENTS = 256;

    private final int maxRecipients;

    /** @param maxRecipients the most addresses one message may be delivered to (XEP-0033 asks for at least 50) */
    public BroadcastModule(int maxRecipients) {
        if (maxRecipients < 1) throw new IllegalArgumentException("maxRecipients must be positive: " + maxRecipients);
        this.maxRecipients = maxRecipients;
    }

    public BroadcastModule() { this(DEFAULT_MAX_RECIPIENTS); }

    @Override
    public String name() { return "broadcast"; }

    @Override
    public void start(ModuleContext ctx) {
        Jid domain = ctx.domain();
        Router router = ctx.router();
        ctx.disco().serverFeature(NAMESPACE);
        ctx.hooks().on(Events.ClientStanza.class, Phase.HANDLE, e -> {
            Stanza s = e.stanza();
            if (s.kind() != Stanza.Kind.MESSAGE || s.isError() || !domain.equals(s.to())) return Hook.CONTINUE;
            Element addresses = s.element().child("addresses", NAMESPACE);
            if (addresses == null) return Hook.CONTINUE;
            return deliver(e.session(), s, addresses, domain, router);
        });
    }

    private CompletionStage<Hook.Outcome> deliver(Session sender, Stanza s, Element addresses, Jid domain, Router router) {
        Addresses.Parsed parsed = Addresses.recipients(addresses);
        if (parsed.fault() != null) {
            StanzaError error = parsed.fault() == Addresses.Fault.MALFORMED_JID ? StanzaError.JID_MALFORMED : StanzaError.BAD_REQUEST;
            return refuse(sender, s, error, null);
        }
        var recipients = parsed.recipients();
        recipients.remove(domain);
        if (recipients.isEmpty()) return refuse(sender, s, StanzaError.BAD_REQUEST, "no address to deliver to");
        if (recipients.size() > maxRecipients) {
            return refuse(sender, s, StanzaError.NOT_ACCEPTABLE, "at most " + maxRecipients + " recipients");
        }
        Element template = s.element().withoutChildren("addresses", NAMESPACE).withChild(Addresses.delivered(addresses));
        Stanza copy = s.withElement(template);
        for (Jid to : recipients) router.route(copy.withTo(to));
        return Hook.STOP;
    }

    private static CompletionStage<Hook.Outcome> refuse(Session sender, Stanza s, StanzaError error, String text) {
        sender.send(s.errorReply(error, text).element());
        return Hook.STOP;
    }
}
