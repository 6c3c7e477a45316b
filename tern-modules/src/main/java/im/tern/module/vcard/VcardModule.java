package im.tern.module.vcard;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.privacy.Privacy;
import im.tern.store.DocumentStore;
import im.tern.store.ProfileStore;
import java.util.concurrent.CompletableFuture;

/**
 * Declares vCard get and set on accounts, tells the hooks of each vCard set ({@link VcardUpdated}), and
 * drops the vCard with its account.
 */
public final class VcardModule implements Module {
    public static final String NAMESPACE = "vcard-temp";
    public static final String ELEMENT = "vCard";
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    /** The key of an account's vCard in the {@link DocumentStore}. */
    public static final String DOCUMENT_KEY = "vcard-temp";

    private final int maxBytes;

    /** @param maxBytes the largest vCard accepted, as serialised XML characters */
    public VcardModule(int maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        this.maxBytes = maxBytes;
    }

    public VcardModule() { this(DEFAULT_MAX_BYTES); }

    @Override
    public String name() { return "vcard"; }

    @Override
    public void start(ModuleContext ctx) {
        DocumentStore documents = ctx.store(DocumentStore.class);
        Vcards vcards = new Vcards(documents, new PublicVcard(Privacy.of(ctx), ctx.store(ProfileStore.class)), ctx.blocking(), ctx.hooks(), maxBytes);
        ctx.disco().serverFeature(NAMESPACE);
        ctx.iq().accountGet(ELEMENT, NAMESPACE, vcards::get);
        ctx.iq().accountSet(ELEMENT, NAMESPACE, vcards::set);
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> documents.delete(e.account().local(), Vcards.KEY), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
