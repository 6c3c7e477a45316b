package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.PepStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last published item of each node a resource wants but has not seen (XEP-0163 section 4.3.4,
 * "last item on presence"): when its client comes online or starts announcing interest, from its own
 * account and from every contact whose presence it receives; and when a contact starts sharing presence
 * with the account. One store query covers all those accounts.
 */
final class LastItems {
    private static final Logger log = LoggerFactory.getLogger(LastItems.class);

    private final PepStore store;
    private final RosterStore rosters;
    private final Access access;
    private final Notifier notifier;
    private final Sessions sessions;
    private final Executor blocking;

    LastItems(PepStore store, RosterStore rosters, Access access, Notifier notifier, Sessions sessions, Executor blocking) {
        this.store = store;
        this.rosters = rosters;
        this.access = access;
        this.notifier = notifier;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    /** The session newly wants these nodes: their last items from its own account and the contacts it sees. */
    void toNewlyInterested(Session session, Collection<String> nodes) {
        Jid user = session.jid().bare();
        run(user, () -> {
            List<Jid> owners = new ArrayList<>();
            owners.add(user);
            for (RosterItem item : rosters.roster(user.local()).items()) {
                Jid contact = item.jid();
                boolean seesPresence = item.subscription() == Subscription.TO || item.subscription() == Subscription.BOTH;
                if (seesPresence && contact.local() != null && contact.domain().equals(user.domain())) owners.add(contact.bare());
            }
            send(user, List.of(session), owners, nodes);
        });
    }

    /** The owner now shares presence with the user: the user's available resources get the owner's last items they want. */
    void toNewContact(Jid owner, Jid user) {
        run(user, () -> {
            List<Session> targets = sessions.of(user).stream().filter(Session::available).toList();
            if (!targets.isEmpty()) send(user, targets, List.of(owner), List.of());
        });
    }

    /** Blocking. {@code targets} are sessions of {@code user}; {@code names} empty means every node. */
    private void send(Jid user, List<Session> targets, List<Jid> owners, Collection<String> names) {
        Map<String, Jid> byLocal = new LinkedHashMap<>();
        for (Jid o : owners) byLocal.put(o.local(), o);
        Map<String, List<PepStore.Node>> found = store.nodes(byLocal.keySet(), names);
        for (Map.Entry<String, List<PepStore.Node>> e : found.entrySet()) {
            Jid owner = byLocal.get(e.getKey());
            Access.Relation relation = null;
            for (PepStore.Node stored : e.getValue()) {
                if (stored.last() == null) continue;
                List<Session> wanting = targets.stream().filter(s -> Interests.wants(s, stored.name())).toList();
                if (wanting.isEmpty()) continue;
                PepNode node = PepNode.of(stored);
                if (node.config().sendLastPublishedItem() == SendLastItem.NEVER) continue;
                if (relation == null) relation = access.relation(owner, user);
                if (!access.allows(owner, node.name(), node.config(), user, relation)) continue;
                notifier.send(owner, wanting, EventMessages.published(node.name(), node.last(), node.config().deliverPayloads()),
                        node.last().published());
            }
        }
    }

    private void run(Jid user, Runnable work) {
        CompletableFuture.runAsync(work, blocking).whenComplete((v, error) -> {
            if (error != null) log.warn("last PEP items for {} failed", user, error);
        });
    }
}
