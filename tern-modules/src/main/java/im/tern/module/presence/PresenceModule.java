package im.tern.module.presence;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.roster.RosterPush;
import im.tern.store.RosterStore;
import im.tern.xml.Element;

/**
 * Takes presence from clients (and stops it: this module routes what should go on), subscription
 * stanzas and probes arriving for accounts, and session ends.
 */
public final class PresenceModule implements Module {
    @Override
    public String name() { return "presence"; }

    @Override
    public void start(ModuleContext ctx) {
        RosterStore rosters = ctx.store(RosterStore.class);
        Subscriptions subscriptions = new Subscriptions(rosters, new RosterPush(ctx.sessions()));
        PresenceBroadcaster broadcaster = new PresenceBroadcaster(ctx.router(), ctx.sessions(), rosters, ctx.blocking());
        OutboundPresence outbound = new OutboundPresence(broadcaster,
                new OutboundSubscription(subscriptions, ctx.router(), ctx.sessions(), ctx.blocking()), ctx.router(), ctx.hooks());
        InboundSubscription inbound = new InboundSubscription(subscriptions, ctx.router(), ctx.sessions(), ctx.blocking());
        ProbeResponder probes = new ProbeResponder(rosters, ctx.router(), ctx.sessions(), ctx.blocking());

        ctx.hooks().on(Events.ClientStanza.class, Phase.HANDLE, e -> e.stanza().kind() == Stanza.Kind.PRESENCE
                ? outbound.handle(e.session(), e.stanza()) : Hook.CONTINUE);
        ctx.hooks().on(Events.InboundStanza.class, Phase.HANDLE, e -> {
            Stanza s = e.stanza();
            if (s.kind() != Stanza.Kind.PRESENCE || s.from() == null) return Hook.CONTINUE;
            SubscriptionType type = SubscriptionType.of(s.type());
            if (type != null) return inbound.handle(s, type).thenApply(v -> Hook.Outcome.STOP);
            if ("probe".equals(s.type())) return probes.handle(s).thenApply(v -> Hook.Outcome.STOP);
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.SessionClosed.class, Phase.HANDLE, e -> {
            Element unavailable = Element.builder("presence", Namespaces.CLIENT).attr("type", "unavailable").build();
            return broadcaster.unavailable(e.session(), unavailable, e.lastPresence() != null)
                    .thenApply(v -> Hook.Outcome.CONTINUE);
        });
    }
}
