package im.tern.module.privatexml;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.DocumentStore;
import java.util.concurrent.CompletableFuture;

/** Declares private XML get and set on accounts, and drops an account's documents with it. */
public final class PrivateXmlModule implements Module {
    public static final String NAMESPACE = "jabber:iq:private";

    @Override
    public String name() { return "privatexml"; }

    @Override
    public void start(ModuleContext ctx) {
        DocumentStore documents = ctx.store(DocumentStore.class);
        PrivateStorage storage = new PrivateStorage(documents, ctx.blocking());
        ctx.disco().serverFeature(NAMESPACE);
        ctx.iq().accountGet("query", NAMESPACE, storage::get);
        ctx.iq().accountSet("query", NAMESPACE, storage::set);
        // Keys are per namespace, so the documents cannot be listed; an account's go all at once.
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> documents.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
