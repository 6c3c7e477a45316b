package im.tern.module.lastactivity;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.module.privacy.Privacy;
import im.tern.store.DocumentStore;
import java.time.Clock;

/**
 * Declares the last-activity queries, and records when an account's resources go: on an unavailable
 * broadcast (with its status) and when a session ends.
 */
public final class LastActivityModule implements Module {
    public static final String NAMESPACE = "jabber:iq:last";
    /** The status of the session's last unavailable broadcast; "" for none given. */
    static final SessionKey<String> LEFT_WITH = new SessionKey<>("lastactivity.status");

    @Override
    public String name() { return "lastactivity"; }

    @Override
    public void start(ModuleContext ctx) {
        Clock clock = ctx.clock();
        LastSeen lastSeen = new LastSeen(ctx.store(DocumentStore.class), ctx.blocking());
        LastActivityQueries queries = new LastActivityQueries(lastSeen, Privacy.of(ctx), ctx.sessions(), clock, ctx.blocking());
        ctx.disco().serverFeature(NAMESPACE);
        ctx.disco().accountFeature(NAMESPACE);
        ctx.iq().serverGet("query", NAMESPACE, queries::server);
        ctx.iq().accountGet("query", NAMESPACE, queries::account);

        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> {
            Stanza s = e.stanza();
            if (s.kind() != Stanza.Kind.PRESENCE || s.to() != null) return Hook.CONTINUE;
            Session session = e.session();
            if (s.type() == null) {
                session.put(LEFT_WITH, null);
                return Hook.CONTINUE;
            }
            if (!"unavailable".equals(s.type())) return Hook.CONTINUE;
            String status = s.element().childText("status", Namespaces.CLIENT);
            session.put(LEFT_WITH, status == null ? "" : status);
            // Recorded beside the broadcast, not ahead of it: the client's next stanza need not wait.
            lastSeen.put(session.jid().local(), new LastSeen.Record(clock.instant(), emptyToNull(status)));
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.SessionClosed.class, Phase.AFTER, e -> {
            String status = e.session().get(LEFT_WITH);
            return lastSeen.put(e.session().jid().local(), new LastSeen.Record(clock.instant(), emptyToNull(status)))
                    .thenApply(v -> Hook.Outcome.CONTINUE);
        });
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> lastSeen.delete(e.account().local())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
