package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a session sent available presence to directly (RFC 6121 section 4.6), so they learn when it
 * goes unavailable even though they are not subscribed.
 */
final class DirectedPresence {
    private static final SessionKey<Set<Jid>> RECIPIENTS = new SessionKey<>("presence.directed");

    private DirectedPresence() {}

    static void sent(Session session, Jid to, boolean available) {
        Set<Jid> set = session.get(RECIPIENTS);
        if (available) {
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                session.put(RECIPIENTS, set);
            }
            set.add(to);
        } else if (set != null) {
            set.remove(to);
        }
    }

    /** The recipients so far, forgetting them: an unavailable broadcast ends directed presence. */
    static Set<Jid> drain(Session session) {
        Set<Jid> set = session.get(RECIPIENTS);
        session.put(RECIPIENTS, null);
        return set == null ? Set.of() : set;
    }
}
