package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Answers a presence probe for the account (RFC 6121 section 4.3.2): a prober the account shares
 * presence with gets the last presence of each available resource, or unavailable when there is
 * none; anyone else learns nothing but 'unsubscribed', which lets its server correct a stale state.
 */
final class ProbeResponder {
    private final RosterStore rosters;
    private final Router router;
    private final Sessions sessions;
    private final Executor blocking;

    ProbeResponder(RosterStore rosters, Router router, Sessions sessions, Executor blocking) {
        this.rosters = rosters;
        this.router = router;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    CompletionStage<Void> handle(Stanza probe) {
        Jid account = probe.to().bare();
        Jid prober = probe.from();
        return CompletableFuture.supplyAsync(() -> prober.bare().equals(account) || rosters.item(account.local(), prober.bare())
                .map(item -> SubscriptionState.of(item).from()).orElse(false), blocking).thenAccept(authorised -> {
            if (!authorised) {
                router.route(Presences.of("unsubscribed", account, prober));
                return;
            }
            boolean any = false;
            for (Session own : sessions.of(account)) {
                if (own.presence() == null) continue;
                any = true;
                router.route(Presences.readdressed(own.presence(), own.jid(), prober));
            }
            if (!any) router.route(Presences.of("unavailable", account, prober));
        });
    }
}
