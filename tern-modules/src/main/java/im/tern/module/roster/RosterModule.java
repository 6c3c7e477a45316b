package im.tern.module.roster;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.RosterStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;

/**
 * Declares roster get and set and the versioning stream feature. A deleted account's roster goes, and so does
 * every other account's item for it, each with a roster push to that account's interested resources.
 */
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
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture.runAsync(() -> {
            Jid deleted = e.account().bare();
            rosters.deleteAll(deleted.local());
            rosters.removeEverywhere(deleted).forEach((user, version) ->
                    push.removed(Jid.of(user, ctx.domain().domain(), null), deleted, version));
        }, ctx.blocking()).thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
