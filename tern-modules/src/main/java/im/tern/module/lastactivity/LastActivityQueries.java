package im.tern.module.lastactivity;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.privacy.Privacy;
import im.tern.store.PrivacySettings.Setting;
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
    private final Privacy privacy;
    private final Sessions sessions;
    private final Clock clock;
    private final Instant started;
    private final Executor blocking;

    LastActivityQueries(LastSeen lastSeen, Privacy privacy, Sessions sessions, Clock clock, Executor blocking) {
        this.lastSeen = lastSeen;
        this.privacy = privacy;
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
        Jid requester = request.from();
        return CompletableFuture.supplyAsync(() -> privacy.allowed(account, requester), blocking).thenCompose(allowed -> {
            if (!allowed.contains(Setting.LAST_SEEN)) return CompletableFuture.completedFuture(request.errorReply(StanzaError.FORBIDDEN));
            // Online now, to those who may see it; the others see when it was last offline.
            for (Session s : sessions.of(account)) {
                if (s.available() && allowed.contains(Setting.ONLINE)) {
                    return CompletableFuture.completedFuture(Iq.result(request, query(0, null)));
                }
            }
            return lastSeen.get(account.local()).thenApply(record -> record
                    .map(r -> Iq.result(request, query(secondsSince(r.at()), r.status())))
                    .orElseGet(() -> request.errorReply(StanzaError.ITEM_NOT_FOUND)));
        });
    }

    private long secondsSince(Instant then) {
        return Math.max(0, Duration.between(then, clock.instant()).getSeconds());
    }

    static Element query(long seconds, String status) {
        return Element.builder("query", LastActivityModule.NAMESPACE).attr("seconds", Long.toString(seconds))
                .text(status).build();
    }
}
