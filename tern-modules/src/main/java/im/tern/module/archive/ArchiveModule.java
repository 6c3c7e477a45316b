package im.tern.module.archive;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.ArchivedMessage;
import im.tern.store.DocumentStore;
import im.tern.store.GroupCommit;
import im.tern.store.MessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Declares the message archive: the InboundStanza hook that stamps and archives messages, the query,
 * form, metadata and preference IQs on accounts, the disco features, and the sweeper that forgets
 * expired messages. Its InboundStanza hook runs in AFTER, so messages a BEFORE filter refused are not
 * archived; list it before the offline module, whose AFTER hook may take the message (docs/messages.md).
 */
public final class ArchiveModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:mam:2";
    public static final String EXTENDED = NAMESPACE + "#extended";
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(60);

    private final int retentionDays;
    private final Duration sweepInterval;
    private Sweeper sweeper;
    private GroupCommit<ArchivedMessage> commits;

    /**
     * @param retentionDays days a message stays in the archive; 0 keeps it until its account goes
     * @param sweepInterval how often expired messages are deleted
     */
    public ArchiveModule(int retentionDays, Duration sweepInterval) {
        if (retentionDays < 0) throw new IllegalArgumentException("retentionDays must not be negative: " + retentionDays);
        this.retentionDays = retentionDays;
        this.sweepInterval = sweepInterval;
    }

    public ArchiveModule(int retentionDays) { this(retentionDays, DEFAULT_SWEEP_INTERVAL); }

    @Override
    public String name() { return "archive"; }

    @Override
    public void start(ModuleContext ctx) {
        MessageStore store = ctx.store(MessageStore.class);
        commits = new GroupCommit<>(store::archive, ctx.blocking());
        ArchiveQueries queries = new ArchiveQueries(store, ctx.sessions(), ctx.blocking(), ctx.clock());
        ArchivePrefs prefs = new ArchivePrefs(ctx.store(DocumentStore.class), ctx.blocking());

        ctx.disco().accountFeature(NAMESPACE);
        ctx.disco().accountFeature(EXTENDED);
        ctx.disco().accountFeature(StanzaIds.NAMESPACE);
        ctx.disco().serverFeature(StanzaIds.NAMESPACE);
        ctx.iq().accountSet("query", NAMESPACE, queries::query);
        ctx.iq().accountGet("query", NAMESPACE, queries::form);
        ctx.iq().accountGet("metadata", NAMESPACE, queries::metadata);
        ctx.iq().accountGet("prefs", NAMESPACE, prefs::get);
        ctx.iq().accountSet("prefs", NAMESPACE, prefs::set);
        ctx.hooks().on(Events.InboundStanza.class, Phase.AFTER, new Archiver(ctx.domain(), commits, ctx.clock()));
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> store.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));

        Clock clock = ctx.clock();
        sweeper = new Sweeper("archive", sweepInterval, () -> {
            Instant now = clock.instant();
            store.deleteExpired(now);
            if (retentionDays > 0) store.expireArchiveBefore(now.minus(Duration.ofDays(retentionDays)));
        });
        sweeper.start(ctx.blocking());
    }

    @Override
    public void stop() {
        if (sweeper != null) sweeper.stop();
        if (commits != null) commits.close();
    }
}
