package im.tern.server.stream;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.server.session.LocalSession;
import im.tern.server.sm.ManagedSession;
import im.tern.server.sm.Outbox;
import im.tern.xml.Element;
import java.util.List;

/**
 * Winds up a session that is over: unbinds it, tells the modules, and hands on every message the
 * client never acknowledged so that the offline store keeps it (XEP-0198 section 5: never to the floor).
 */
final class SessionEnd {
    private SessionEnd() {}

    static void end(C2sServices services, ManagedSession m) {
        end(services, m.session(), m.outbox().close());
    }

    static void end(C2sServices services, LocalSession s, List<Outbox.Item> unacknowledged) {
        boolean stillBound = services.sessions().unbind(s);
        services.hooks().fire(new Events.SessionClosed(s, stillBound ? s.presence() : null));
        for (Outbox.Item item : unacknowledged) handOn(services, s, item);
    }

    /**
     * A stanza that never reached the client. A tracked one goes back to whoever sent it (the offline
     * store keeps its own copy); an untracked message goes to {@link Events.UnacknowledgedMessage}.
     * Presence and IQs are dropped: presence is state the client asks for again, and the IQ's sender times out.
     */
    static void handOn(C2sServices services, LocalSession s, Outbox.Item item) {
        if (item.tracker() != null) {
            item.tracker().complete(false);
            return;
        }
        Element e = item.stanza();
        if (!e.is("message", Namespaces.CLIENT) || "error".equals(e.attr("type"))) return;
        services.hooks().fire(new Events.UnacknowledgedMessage(s, Stanza.of(e)));
    }
}
