package im.tern.module.disco;

import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.store.RosterStore;

/** Declares the disco#info and disco#items handlers for the domain and for accounts. */
public final class DiscoModule implements Module {
    public static final String INFO = "http://jabber.org/protocol/disco#info";
    public static final String ITEMS = "http://jabber.org/protocol/disco#items";

    private final DiscoItems items;

    public DiscoModule(DiscoItems items) { this.items = items; }

    public DiscoModule() { this(new DiscoItems()); }

    @Override
    public String name() { return "disco"; }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverIdentity("server", "im", "Tern");
        ctx.disco().serverFeature(INFO);
        ctx.disco().serverFeature(ITEMS);
        ctx.disco().accountFeature(INFO);
        ctx.disco().accountFeature(ITEMS);
        ServerDisco server = new ServerDisco(ctx.disco(), items);
        ctx.iq().serverGet("query", INFO, server::info);
        ctx.iq().serverGet("query", ITEMS, server::items);
        AccountDisco account = new AccountDisco(ctx.disco(),
                new PresenceAuthorisation(ctx.store(RosterStore.class), ctx.blocking()), ctx.hooks());
        ctx.iq().accountGet("query", INFO, account::info);
        ctx.iq().accountGet("query", ITEMS, account::items);
    }
}
