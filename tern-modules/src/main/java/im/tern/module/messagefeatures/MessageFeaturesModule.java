package im.tern.module.messagefeatures;

import im.tern.core.module.Events;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.MessageStore;
import java.time.Duration;

/** Announces corrections, reactions and replies on the server, and applies the edit window when one is set. */
public final class MessageFeaturesModule implements Module {
    public static final String CORRECTION = "urn:xmpp:message-correct:0";
    public static final String REACTIONS = "urn:xmpp:reactions:0";
    public static final String REPLIES = "urn:xmpp:reply:0";

    private final Duration editWindow;

    /** No edit window: corrections of any age go through. */
    public MessageFeaturesModule() {
        this(0);
    }

    /** Corrections of one's own messages older than this are refused; 0 enforces nothing. */
    public MessageFeaturesModule(long editWindowSeconds) {
        if (editWindowSeconds < 0) throw new IllegalArgumentException("negative edit window: " + editWindowSeconds);
        this.editWindow = Duration.ofSeconds(editWindowSeconds);
    }

    @Override
    public String name() { return "messagefeatures"; }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverFeature(CORRECTION);
        ctx.disco().serverFeature(REACTIONS);
        ctx.disco().serverFeature(REPLIES);
        if (editWindow.isZero()) return;
        EditWindow window = new EditWindow(ctx.store(MessageStore.class), editWindow, ctx.clock(), ctx.blocking());
        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> window.check(e.session(), e.stanza()));
    }
}
