package im.tern.module.roster;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterItem;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a changed roster item to each resource of the account that has asked for its roster
 * (RFC 6121 section 2.1.6); the others would not know what to make of it.
 */
public final class RosterPush {
    private final Sessions sessions;
    // Several modules push; a per-instance prefix keeps their ids apart.
    private final String idPrefix = "push-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
    private final AtomicLong ids = new AtomicLong();

    public RosterPush(Sessions sessions) { this.sessions = sessions; }

    public void updated(Jid account, RosterItem item, String version) {
        push(account, RosterXml.item(item), version);
    }

    public void removed(Jid account, Jid contact, String version) {
        push(account, RosterXml.removed(contact), version);
    }

    private void push(Jid account, Element item, String version) {
        Element query = RosterXml.query(version, List.of(item));
        for (Session s : sessions.of(account.bare())) {
            if (!s.interested()) continue;
            s.send(Iq.request("set", idPrefix + ids.incrementAndGet(), account.bare(), s.jid(), query));
        }
    }
}
