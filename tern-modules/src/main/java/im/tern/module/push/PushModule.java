package im.tern.module.push;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.DocumentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Declares push enable/disable on accounts, and wakes devices through their app servers when a message
 * arrives that no connected device can take now.
 */
public final class PushModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:push:0";
    static final String DATA_FORMS = "jabber:x:data";
    static final String PUBLISH_OPTIONS = "http://jabber.org/protocol/pubsub#publish-options";
    /** Registrations kept per account (one per device and app); enabling one more drops the oldest. */
    static final int MAX_REGISTRATIONS = 10;

    private final Duration coalesceWindow;

    /** Pushes to one registration at most once a second. */
    public PushModule() {
        this(Duration.ofSeconds(1));
    }

    /** Pushes to one registration at most once per window; {@link Duration#ZERO} pushes for every message. */
    public PushModule(Duration coalesceWindow) {
        this.coalesceWindow = coalesceWindow;
    }

    @Override
    public String name() { return "push"; }

    @Override
    public void start(ModuleContext ctx) {
        PushRegistrations registrations = new PushRegistrations(ctx.store(DocumentStore.class), MAX_REGISTRATIONS);
        Coalescer coalescer = new Coalescer(coalesceWindow);
        PushSettings settings = new PushSettings(registrations, coalescer, ctx.blocking());
        PushPublisher publisher = new PushPublisher(registrations, coalescer, ctx.router(), ctx.blocking(), ctx.clock());

        ctx.disco().accountFeature(NAMESPACE);
        ctx.iq().accountSet("enable", NAMESPACE, settings::enable);
        ctx.iq().accountSet("disable", NAMESPACE, settings::disable);

        // No available session: the offline module stores the message in HANDLE and stops the event, so
        // push looks in BEFORE and lets it go on.
        ctx.hooks().on(Events.UndeliverableMessage.class, Phase.BEFORE, e -> {
            if (Pushable.warrantsPush(e.stanza())) publisher.notify(e.stanza().to().bare());
            return Hook.CONTINUE;
        });
        // Available sessions, but every one waits for its dropped connection to resume (XEP-0198).
        ctx.hooks().on(Events.InboundStanza.class, Phase.AFTER, e -> {
            Stanza s = e.stanza();
            if (Pushable.warrantsPush(s) && allDetached(recipients(ctx.sessions(), s.to()))) publisher.notify(s.to().bare());
            return Hook.CONTINUE;
        });
        // Answers to publishes (from an app server, or the error the server made when it could not reach one).
        ctx.hooks().on(Events.IqResponse.class, Phase.HANDLE, e -> {
            Stanza s = e.stanza();
            if (isAnswer(s) && s.to() != null && s.to().isBare() && s.to().local() != null) publisher.answer(s);
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> registrations.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> {
                    coalescer.forget(e.account().bare());
                    return Hook.Outcome.CONTINUE;
                }));
    }

    /**
     * The sessions the router hands this message to: the addressed resource when it is bound, otherwise
     * every available resource with a non-negative priority (RFC 6121 section 8.5.2.1.1).
     */
    private static List<Session> recipients(Sessions sessions, Jid to) {
        if (to.isFull()) {
            Session addressed = sessions.get(to);
            if (addressed != null) return List.of(addressed);
        }
        List<Session> out = new ArrayList<>();
        for (Session s : sessions.of(to.bare())) if (s.available() && s.priority() >= 0) out.add(s);
        return out;
    }

    /** None at all is the undeliverable case, handled by its own hook. */
    private static boolean allDetached(List<Session> recipients) {
        if (recipients.isEmpty()) return false;
        for (Session s : recipients) if (!s.detached()) return false;
        return true;
    }

    private static boolean isAnswer(Stanza iq) {
        return "result".equals(iq.type()) || "error".equals(iq.type());
    }
}
