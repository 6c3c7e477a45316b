package im.tern.module.offline;

import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.archive.Storable;
import im.tern.module.archive.Sweeper;
import im.tern.store.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Declares offline storage: messages for an account with no device online are queued (and transient
 * ones dropped without an error), queued messages are delivered on the next initial presence, messages
 * a session never acknowledged are queued again, and old ones expire. List it after the archive module,
 * so a message is archived before this module's InboundStanza hook may take it into the queue.
 */
public final class OfflineModule implements Module {
    /** What Prosody announces for offline storage, which has no namespace of its own (XEP-0160). */
    public static final String FEATURE = "msgoffline";
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);

    private final int maxAgeDays;
    private final int maxPerAccount;
    private final Duration sweepInterval;
    private Sweeper sweeper;

    /**
     * @param maxAgeDays    days a message waits before it expires; 0 keeps it until delivered
     * @param maxPerAccount messages one account may have waiting; more are refused with resource-constraint
     * @param sweepInterval how often expired messages are deleted
     */
    public OfflineModule(int maxAgeDays, int maxPerAccount, Duration sweepInterval) {
        if (maxAgeDays < 0) throw new IllegalArgumentException("maxAgeDays must not be negative: " + maxAgeDays);
        if (maxPerAccount < 1) throw new IllegalArgumentException("maxPerAccount must be positive: " + maxPerAccount);
        this.maxAgeDays = maxAgeDays;
        this.maxPerAccount = maxPerAccount;
        this.sweepInterval = sweepInterval;
    }

    public OfflineModule(int maxAgeDays, int maxPerAccount) { this(maxAgeDays, maxPerAccount, DEFAULT_SWEEP_INTERVAL); }

    @Override
    public String name() { return "offline"; }

    @Override
    public void start(ModuleContext ctx) {
        MessageStore store = ctx.store(MessageStore.class);
        Duration maxAge = maxAgeDays == 0 ? null : Duration.ofDays(maxAgeDays);
        OfflineQueue queue = new OfflineQueue(store, ctx.domain(), ctx.router(), ctx.blocking(), ctx.clock(), maxAge, maxPerAccount);
        OfflineDelivery delivery = new OfflineDelivery(store, queue, ctx.sessions(), ctx.blocking(), ctx.clock());

        ctx.disco().serverFeature(FEATURE);
        ctx.hooks().on(Events.UndeliverableMessage.class, Phase.HANDLE, e -> {
            // What is not worth keeping is transient (chat states, no-store hints): dropped, not bounced.
            if (!Storable.forOffline(e.stanza())) return Hook.STOP;
            return queue.store(e.stanza()).thenApply(stored -> {
                if (stored) delivery.queued(e.stanza().to().bare());
                else queue.refuse(e.stanza());
                return Hook.Outcome.STOP;
            });
        });
        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> {
            Stanza s = e.stanza();
            if (s.kind() == Stanza.Kind.PRESENCE && s.type() == null && s.to() == null && !e.session().available()) {
                delivery.reserve(e.session());
            }
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.InitialPresence.class, Phase.HANDLE, e -> {
            delivery.begin(e.session());
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.InboundStanza.class, Phase.AFTER, delivery::divert);
        ctx.hooks().on(Events.SessionClosed.class, Phase.HANDLE, e -> {
            delivery.ended(e.session());
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.UnacknowledgedMessage.class, Phase.HANDLE, e -> {
            Stanza s = e.stanza();
            if (!Storable.forOffline(s) || delivery.inFlight(e.session(), s.element())) return Hook.CONTINUE;
            return queue.storeAccepted(s, e.session().jid().local()).thenApply(stored -> Hook.Outcome.STOP);
        });
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> {
            delivery.forget(e.account().bare());
            return CompletableFuture.runAsync(() -> store.removeOffline(e.account().local(), Long.MAX_VALUE), ctx.blocking())
                    .thenApply(v -> Hook.Outcome.CONTINUE);
        });

        Clock clock = ctx.clock();
        sweeper = new Sweeper("offline", sweepInterval, () -> {
            Instant now = clock.instant();
            if (maxAge != null) store.expireOfflineBefore(now.minus(maxAge));
            store.deleteExpired(now);
        });
        sweeper.start(ctx.blocking());
    }

    @Override
    public void stop() {
        if (sweeper != null) sweeper.stop();
    }
}
