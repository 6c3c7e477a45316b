package im.tern.module.blocking;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What a blocklist change does to presence (XEP-0191 sections 3.2 and 3.3). On block, both sides stop
 * seeing each other online: the stanzas go straight to the sessions, since the filter now stops the
 * routed kind. On unblock, presence is routed again and the contacts are probed, as at login.
 */
final class BlockPresence {
    private final RosterStore rosters;
    private final Sessions sessions;
    private final Router router;
    private final Executor blocking;

    BlockPresence(RosterStore rosters, Sessions sessions, Router router, Executor blocking) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.router = router;
        this.blocking = blocking;
    }

    CompletionStage<Void> blocked(Jid account, Collection<Jid> items) {
        if (items.isEmpty()) return CompletableFuture.completedFuture(null);
        return roster(account).thenAccept(roster -> {
            List<Session> own = available(sessions.of(account));
            Set<Jid> told = new HashSet<>();
            for (RosterItem contact : roster) {
                told.add(contact.jid().bare());
                for (Session theirs : sessions.of(contact.jid().bare())) {
                    if (!matchesAny(items, theirs.jid())) continue;
                    if (from(contact)) {
                        for (Session mine : own) theirs.send(unavailable(mine.jid(), theirs.jid()));
                    }
                    if (to(contact) && theirs.available()) {
                        for (Session mine : own) mine.send(unavailable(theirs.jid(), mine.jid()));
                    }
                }
            }
            // Someone who is no contact may still have had directed presence: an unavailable from the
            // bare JID ends it without naming the resources.
            if (own.isEmpty()) return;
            for (Jid item : items) {
                if (item.local() == null || told.contains(item.bare()) || item.bare().equals(account)) continue;
                for (Session theirs : sessions.of(item.bare())) {
                    if (Blocklist.matches(item, theirs.jid())) theirs.send(unavailable(account, theirs.jid()));
                }
            }
        });
    }

    CompletionStage<Void> unblocked(Jid account, Collection<Jid> items) {
        if (items.isEmpty()) return CompletableFuture.completedFuture(null);
        return roster(account).thenAccept(roster -> {
            for (RosterItem contact : roster) {
                Jid bare = contact.jid().bare();
                if (!touchesAny(items, bare)) continue;
                if (from(contact)) {
                    for (Session mine : sessions.of(account)) {
                        Element current = mine.presence();
                        if (current == null) continue;
                        router.route(Stanza.of(current.withAttr("from", mine.jid().toString()).withAttr("to", bare.toString())));
                    }
                }
                if (to(contact)) router.route(Stanza.of(presence("probe", account, bare)));
            }
        });
    }

    private CompletionStage<List<RosterItem>> roster(Jid account) {
        return CompletableFuture.supplyAsync(() -> rosters.roster(account.local()).items(), blocking);
    }

    private static List<Session> available(List<Session> list) {
        return list.stream().filter(s -> s.presence() != null).toList();
    }

    private static boolean matchesAny(Collection<Jid> items, Jid address) {
        for (Jid item : items) if (Blocklist.matches(item, address)) return true;
        return false;
    }

    /** Whether an item could match some address of the account: the account, a resource of it, or its domain. */
    private static boolean touchesAny(Collection<Jid> items, Jid account) {
        for (Jid item : items) {
            if (item.local() != null ? item.bare().equals(account) : item.isDomain() && item.domain().equals(account.domain())) {
                return true;
            }
        }
        return false;
    }

    private static boolean from(RosterItem i) { return i.subscription() == Subscription.FROM || i.subscription() == Subscription.BOTH; }

    private static boolean to(RosterItem i) { return i.subscription() == Subscription.TO || i.subscription() == Subscription.BOTH; }

    private static Element unavailable(Jid from, Jid to) { return presence("unavailable", from, to); }

    private static Element presence(String type, Jid from, Jid to) {
        return Element.builder("presence", Namespaces.CLIENT).attr("type", type)
                .attr("from", from.toString()).attr("to", to.toString()).build();
    }
}
