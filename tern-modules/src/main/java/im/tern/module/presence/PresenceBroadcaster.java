package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.stored.StoredXml;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.xml.Element;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's presence where RFC 6121 section 4 says: to contacts subscribed to the account,
 * to the account's available resources and, for unavailable, to directed-presence recipients. For
 * initial presence it also probes the contacts the account is subscribed to and catches the new
 * session up: its siblings' presence and the subscription requests still unanswered.
 */
final class PresenceBroadcaster {
    private static final Logger log = LoggerFactory.getLogger(PresenceBroadcaster.class);

    private final Router router;
    private final Sessions sessions;
    private final RosterStore rosters;
    private final Executor blocking;

    PresenceBroadcaster(Router router, Sessions sessions, RosterStore rosters, Executor blocking) {
        this.router = router;
        this.sessions = sessions;
        this.rosters = rosters;
        this.blocking = blocking;
    }

    CompletionStage<Void> available(Session session, Element presence, boolean initial) {
        Jid account = session.jid().bare();
        String user = account.local();
        return CompletableFuture.supplyAsync(() -> new Snapshot(rosters.roster(user).items(),
                initial ? rosters.pendingIn(user) : Map.of()), blocking).thenAccept(s -> {
            for (RosterItem item : s.items()) {
                if (SubscriptionState.of(item).from()) {
                    router.route(Presences.readdressed(presence, session.jid(), item.jid()));
                }
            }
            for (Session own : sessions.of(account)) {
                if (own.available()) router.route(Presences.readdressed(presence, session.jid(), own.jid()));
            }
            if (initial) catchUp(session, s);
        });
    }

    private void catchUp(Session session, Snapshot s) {
        Jid account = session.jid().bare();
        for (RosterItem item : s.items()) {
            if (SubscriptionState.of(item).to()) {
                router.route(Presences.of("probe", account, item.jid()));
            }
        }
        for (Session own : sessions.of(account)) {
            Element p = own.presence();
            if (own != session && p != null) session.send(Presences.readdressed(p, own.jid(), session.jid()).element());
        }
        for (Map.Entry<Jid, String> request : s.pendingIn().entrySet()) {
            try {
                session.send(StoredXml.parse(request.getValue()));
            } catch (IllegalArgumentException e) {
                // One damaged row must not hide the other requests; a fresh one will replace it.
                log.warn("unreadable pending subscription request from {} for {}", request.getKey(), account, e);
            }
        }
    }

    /**
     * @param wasAvailable whether subscribers and siblings saw the session available and so must
     *                     see it leave; directed-presence recipients are told in any case
     */
    CompletionStage<Void> unavailable(Session session, Element unavailable, boolean wasAvailable) {
        Jid account = session.jid().bare();
        Set<Jid> directed = DirectedPresence.drain(session);
        if (!wasAvailable && directed.isEmpty()) return CompletableFuture.completedFuture(null);
        return CompletableFuture.supplyAsync(() -> wasAvailable ? rosters.roster(account.local()).items()
                : List.<RosterItem>of(), blocking).thenAccept(items -> {
            Set<Jid> targets = new LinkedHashSet<>(directed);
            for (RosterItem item : items) {
                if (SubscriptionState.of(item).from()) targets.add(item.jid());
            }
            if (wasAvailable) {
                for (Session own : sessions.of(account)) {
                    if (own != session && own.available()) targets.add(own.jid());
                }
            }
            for (Jid to : targets) router.route(Presences.readdressed(unavailable, session.jid(), to));
        });
    }

    private record Snapshot(List<RosterItem> items, Map<Jid, String> pendingIn) {}
}
