package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a node's events to the resources that want them (XEP-0163 section 4.3): the owner's own, and
 * those of contacts the owner shares presence with and the node is shown to, each only when its client
 * announced {@code <node>+notify}.
 */
final class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Sessions sessions;
    private final RosterStore rosters;
    private final Access access;
    private final Router router;
    private final Executor blocking;
    private final EventMessages messages = new EventMessages();

    Notifier(Sessions sessions, RosterStore rosters, Access access, Router router, Executor blocking) {
        this.sessions = sessions;
        this.rosters = rosters;
        this.access = access;
        this.router = router;
        this.blocking = blocking;
    }

    /** Finds the recipients on the blocking pool (the roster is read) and sends them the event; returns at once. */
    void notify(Jid owner, String node, NodeConfig config, Element event) {
        CompletableFuture.runAsync(() -> send(owner, recipients(owner, node, config), event, null), blocking)
                .whenComplete((v, error) -> {
                    if (error != null) log.warn("notifications for {} node {} failed", owner, node, error);
                });
    }

    /** Blocking: the available, interested resources of the owner and of the contacts that may see the node. */
    List<Session> recipients(Jid owner, String node, NodeConfig config) {
        List<Session> out = interested(owner, node);
        if (config.accessModel() == AccessModel.WHITELIST) return out;
        for (RosterItem item : rosters.roster(owner.local()).items()) {
            Jid contact = item.jid();
            boolean sharesPresence = item.subscription() == Subscription.FROM || item.subscription() == Subscription.BOTH;
            if (!sharesPresence || contact.local() == null || !contact.domain().equals(owner.domain())) continue;
            List<Session> theirs = interested(contact, node);
            if (!theirs.isEmpty() && access.allows(owner, node, config, contact, Access.Relation.CONTACT)) out.addAll(theirs);
        }
        return out;
    }

    /** Sends the event from the owner to each session still bound; {@code published} adds a delay stamp. */
    void send(Jid owner, List<Session> to, Element event, Instant published) {
        for (Session s : to) {
            // A session gone meanwhile: a message to its full JID would fall back to the bare JID's other resources.
            if (sessions.get(s.jid()) != s) continue;
            router.route(Stanza.of(messages.message(owner, s.jid(), event, published)));
        }
    }

    private List<Session> interested(Jid account, String node) {
        List<Session> out = new ArrayList<>(2);
        for (Session s : sessions.of(account)) if (s.available() && Interests.wants(s, node)) out.add(s);
        return out;
    }
}
