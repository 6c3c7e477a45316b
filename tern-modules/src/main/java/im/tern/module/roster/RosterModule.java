package im.tern.module.roster;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.RosterStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;

/** Declares roster get and set, the versioning stream feature, and drops a deleted account's roster. */
public final class RosterModule implements Module {
    public static final String VERSIONING = "urn:xmpp:features:rosterver";

    @Override
    public String name() { return "roster"; }

    @Override
    public void start(ModuleContext ctx) {
        RosterStore rosters = ctx.store(RosterStore.class);
        RosterPush push = new RosterPush(ctx.sessions());
        ctx.streamFeatures().addPostAuth(Element.empty("ver", VERSIONING));
        ctx.iq().accountGet("query", RosterXml.NAMESPACE, new RosterGet(rosters, ctx.sessions(), ctx.blocking()));
        RosterRemoval removal = new RosterRemoval(ctx.router(), ctx.sessions());
        ctx.iq().accountSet("query", RosterXml.NAMESPACE, new RosterSet(rosters, push, removal, ctx.blocking()));
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> rosters.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
