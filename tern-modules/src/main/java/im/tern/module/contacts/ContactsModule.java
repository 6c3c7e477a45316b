package im.tern.module.contacts;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.api.AccountAuth;
import im.tern.module.roster.RosterPush;
import im.tern.store.DiscoveryStore;
import im.tern.store.RosterStore;
import im.tern.store.DeviceStore;
import java.util.concurrent.CompletableFuture;

/** Contact discovery over HTTP and XMPP, announced on the server; an account's look-ups go with it. */
public final class ContactsModule implements Module {
    public static final String NAMESPACE = "urn:tern:contacts:0";

    private final ContactsSettings settings;

    public ContactsModule(ContactsSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() { return "contacts"; }

    @Override
    public void start(ModuleContext ctx) {
        DiscoveryStore store = ctx.store(DiscoveryStore.class);
        NumberLookups lookups = new NumberLookups(store, settings, ctx.clock());
        ContactDiscovery discovery = new ContactDiscovery(settings, store, lookups, ctx.store(RosterStore.class),
                new RosterPush(ctx.sessions()), ctx.domain());
        DiscoverIq iq = new DiscoverIq(discovery, ctx.blocking());
        DiscoverRequests http = new DiscoverRequests(discovery, new AccountAuth(ctx.store(DeviceStore.class), ctx.domain()),
                ctx.blocking(), settings.maxBodyBytes());

        ctx.disco().serverFeature(NAMESPACE);
        // A look-up with add-to-roster changes the roster, so set is the apt type; get is accepted alike.
        ctx.iq().on(IqHandlers.Target.SERVER, IqHandlers.Type.GET, DiscoverIq.ELEMENT, NAMESPACE, iq::handle);
        ctx.iq().on(IqHandlers.Target.SERVER, IqHandlers.Type.SET, DiscoverIq.ELEMENT, NAMESPACE, iq::handle);
        ctx.http().route("POST", "/v1/contacts/discover", http::handle);
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> store.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
