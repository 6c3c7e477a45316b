package im.tern.module.retract;

import im.tern.core.module.Events;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.MessageStore;
import java.time.Duration;

/** Declares message retraction, refuses retractions past the window and tombstones retracted messages in the archive. */
public final class RetractModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:message-retract:1";
    public static final String TOMBSTONES = NAMESPACE + "#tombstone";

    private final Duration window;

    /** Messages may be retracted for two days. */
    public RetractModule() {
        this(2 * 24 * 3600);
    }

    /** Messages may be retracted for this many seconds after the archive took them; 0 sets no limit. */
    public RetractModule(long windowSeconds) {
        if (windowSeconds < 0) throw new IllegalArgumentException("negative retraction window: " + windowSeconds);
        this.window = Duration.ofSeconds(windowSeconds);
    }

    @Override
    public String name() { return "retract"; }

    @Override
    public void start(ModuleContext ctx) {
        Retractions retractions = new Retractions(ctx.store(MessageStore.class), window, ctx.domain(), ctx.clock(), ctx.blocking());
        for (String feature : new String[] {NAMESPACE, TOMBSTONES}) {
            ctx.disco().serverFeature(feature);
            ctx.disco().accountFeature(feature);
        }
        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> retractions.check(e.session(), e.stanza()));
    }
}
