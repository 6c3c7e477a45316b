package im.tern.module.lastactivity;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Answers last-activity queries to the server (uptime) and to accounts (last seen). */
final class LastActivityQueries {
    private final LastSeen lastSeen;
    private final RosterStore rosters;
    private final Sessions sessions;
    private final Clock clock;
    private final Instant started;
    private final Executor blocking;

    LastActivityQueries(LastSeen lastSeen, RosterStore rosters, Sessions sessions, Clock clock, Executor blocking) {
        this.lastSeen = lastSeen;
        this.rosters = rosters;
        this.sessions = sessions;
        this.clock = clock;
        this.started = clock.instant();
        this.blocking = blocking;
    }

    CompletionStage<Stanza> server(Stanza request) {
        return CompletableFuture.completedFuture(Iq.result(request, query(secondsSince(started), null)));
    }

    CompletionStage<Stanza> account(Stanza request) {
        Jid account = request.to().bare();
        return authorised(request.from(), account).thenCompose(allowed -> {
            if (!allowed) return CompletableFuture.completedFuture(request.errorReply(StanzaError.FORBIDDEN));
            for (Session s : sessions.of(account)) {
                if (s.available()) return CompletableFuture.completedFuture(Iq.result(request, query(0, null)));
            }
            return lastSeen.get(account.local()).thenApply(record -> record
                    .map(r -> Iq.result(request, query(secondsSince(r.at()), r.status())))
                    .orElseGet(() -> request.errorReply(StanzaError.ITEM_NOT_FOUND)));
        });
    }

    /** The account itself, or a contact it shares presence with (XEP-0012 section 4). */
    private CompletionStage<Boolean> authorised(Jid requester, Jid account) {
        if (requester == null) return CompletableFuture.completedFuture(false);
        if (requester.bare().equals(account)) return CompletableFuture.completedFuture(true);
        return CompletableFuture.supplyAsync(() -> rosters.item(account.local(), requester.bare())
                .map(RosterItem::subscription)
                .map(s -> s == Subscription.FROM || s == Subscription.BOTH)
                .orElse(false), blocking);
    }

    private long secondsSince(Instant then) {
        return Math.max(0, Duration.between(then, clock.instant()).getSeconds());
    }

    static Element query(long seconds, String status) {
        return Element.builder("query", LastActivityModule.NAMESPACE).attr("seconds", Long.toString(seconds))
                .text(status).build();
    }
}
