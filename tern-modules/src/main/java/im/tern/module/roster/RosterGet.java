package im.tern.module.roster;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.IqHandler;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Answers a roster get and marks the resource interested in pushes. A client that presents the
 * current version (XEP-0237) gets an empty result: its cached roster is up to date.
 */
final class RosterGet implements IqHandler {
    private final RosterStore rosters;
    private final Sessions sessions;
    private final Executor blocking;

    RosterGet(RosterStore rosters, Sessions sessions, Executor blocking) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<Stanza> handle(Stanza request) {
        if (!request.to().equals(request.from().bare())) {
            return CompletableFuture.completedFuture(request.errorReply(StanzaError.FORBIDDEN));
        }
        Session session = sessions.get(request.from());
        if (session != null) session.setInterested(true);
        String clientVersion = Iq.payload(request).attr("ver");
        return CompletableFuture.supplyAsync(() -> rosters.roster(request.to().local()), blocking).thenApply(roster -> {
            if (roster.version().equals(clientVersion)) return Iq.result(request);
            return Iq.result(request, RosterXml.query(roster.version(),
                    roster.items().stream().map(RosterXml::item).toList()));
        });
    }
}
