package im.tern.module.blocking;

import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.store.DocumentStore;
import im.tern.store.RosterStore;

/** Declares the blocklist IQs, the filters on client and inbound stanzas, and the list's removal with its account. */
public final class BlockingModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:blocking";

    @Override
    public String name() { return "blocking"; }

    @Override
    public void start(ModuleContext ctx) {
        Blocklists lists = new Blocklists(ctx.store(DocumentStore.class), ctx.blocking());
        BlockPresence presence = new BlockPresence(ctx.store(RosterStore.class), ctx.sessions(), ctx.router(), ctx.blocking());
        BlocklistCommands commands = new BlocklistCommands(lists, ctx.sessions(), presence);
        BlockingFilter filter = new BlockingFilter(ctx.domain(), lists, ctx.router());

        ctx.disco().serverFeature(NAMESPACE);
        ctx.iq().accountGet("blocklist", NAMESPACE, commands::get);
        ctx.iq().accountSet("block", NAMESPACE, commands::block);
        ctx.iq().accountSet("unblock", NAMESPACE, commands::unblock);
        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> filter.fromClient(e.session(), e.stanza()));
        ctx.hooks().on(Events.InboundStanza.class, Phase.BEFORE, e -> e.stanza().kind() == Stanza.Kind.IQ
                ? Hook.CONTINUE : filter.toAccount(e.stanza()));
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> lists.deleteAll(e.account())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
