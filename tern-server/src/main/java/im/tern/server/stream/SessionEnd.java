package im.tern.server.stream;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.server.session.LocalSession;
import im.tern.server.sm.ManagedSession;
import im.tern.server.sm.Outbox;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Winds up a session that is over: unbinds it, tells the modules, and hands on every message the
 * client never acknowledged so that the offline store keeps it (XEP-0198 section 5: never to the floor).
 */
final class SessionEnd {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private SessionEnd() {}

    static void end(C2sServices services, ManagedSession m) {
        end(services, m.session(), m.outbox().close());
    }

    static void end(C2sServices services, LocalSession s, List<Outbox.Item> unacknowledged) {
        boolean stillBound = services.sessions().unbind(s);
        List<CompletableFuture<?>> told = new ArrayList<>(1 + unacknowledged.size());
        told.add(services.hooks().fire(new Events.SessionClosed(s, stillBound ? s.presence() : null)).toCompletableFuture());
        for (Outbox.Item item : unacknowledged) told.add(handOn(services, s, item));
        // Account deletion waits for this before it drops the account's data (see LocalSession.ended).
        CompletableFuture.allOf(told.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> s.markEnded());
    }

    /**
     * A stanza that never reached the client. A tracked one goes back to whoever sent it (the offline
     * store keeps its own copy); an untracked message goes to {@link Events.UnacknowledgedMessage}.
     * Presence and IQs are dropped: presence is state the client asks for again, and the IQ's sender times out.
     */
    static CompletableFuture<?> handOn(C2sServices services, LocalSession s, Outbox.Item item) {
        if (item.tracker() != null) {
            item.tracker().complete(false);
            return DONE;
        }
        Element e = item.stanza();
        if (!e.is("message", Namespaces.CLIENT) || "error".equals(e.attr("type"))) return DONE;
        return services.hooks().fire(new Events.UnacknowledgedMessage(s, Stanza.of(e))).toCompletableFuture();
    }
}
