package im.tern.module.privacy;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The "online" setting. Available presence from one account to another that may not see it online becomes
 * unavailable presence on its way: broadcasts to subscribers, answers to probes and directed presence alike,
 * since all of them reach the recipient as routed inbound stanzas. Unavailable presence and presence between
 * an account's own resources pass as they are.
 */
final class OnlineVisibility {
    private final Privacy privacy;
    private final Jid domain;
    private final RosterStore rosters;
    private final Sessions sessions;
    private final Router router;
    private final Executor blocking;

    OnlineVisibility(Privacy privacy, Jid domain, RosterStore rosters, Sessions sessions, Router router, Executor blocking) {
        this.privacy = privacy;
        this.domain = domain;
        this.rosters = rosters;
        this.sessions = sessions;
        this.router = router;
        this.blocking = blocking;
    }

    /** The InboundStanza hook: replaces available presence the recipient may not see with unavailable. */
    CompletionStage<Hook.Outcome> filter(Events.InboundStanza event) {
        Stanza s = event.stanza();
        if (s.kind() != Stanza.Kind.PRESENCE || s.type() != null) return Hook.CONTINUE;
        Jid from = s.from();
        Jid to = s.to();
        if (from == null || to == null || !local(from) || !local(to) || from.bare().equals(to.bare())) return Hook.CONTINUE;
        // The blocking module's filter ran before: a blocked recipient gets nothing at all.
        return CompletableFuture.supplyAsync(() -> privacy.allowsIgnoringBlocks(from.bare(), to, Setting.ONLINE), blocking)
                .thenApply(allowed -> {
                    if (!allowed) event.replace(Stanza.of(unavailable(from, to, s.id())));
                    return Hook.Outcome.CONTINUE;
                });
    }

    /**
     * Sends the account's current presence again to the contacts subscribed to it, through the filter, so that
     * a changed setting shows at once: those who may no longer see it online see it leave, and the others
     * see it again.
     */
    CompletionStage<Void> presenceAgain(Jid account) {
        List<Session> available = sessions.of(account.bare()).stream().filter(Session::available).toList();
        if (available.isEmpty()) return CompletableFuture.completedFuture(null);
        return CompletableFuture.supplyAsync(() -> rosters.roster(account.local()).items(), blocking).thenAccept(items -> {
            for (RosterItem item : items) {
                if (item.subscription() != Subscription.FROM && item.subscription() != Subscription.BOTH) continue;
                for (Session own : available) {
                    Element presence = own.presence();
                    if (presence == null) continue;
                    router.route(Stanza.of(presence.withAttr("from", own.jid().toString()).withAttr("to", item.jid().toString())));
                }
            }
        });
    }

    private boolean local(Jid jid) {
        return jid.local() != null && jid.domain().equals(domain.domain());
    }

    private static Element unavailable(Jid from, Jid to, String id) {
        return Element.builder("presence", Namespaces.CLIENT).attr("type", "unavailable").attr("id", id)
                .attr("from", from.toString()).attr("to", to.toString()).build();
    }
}
