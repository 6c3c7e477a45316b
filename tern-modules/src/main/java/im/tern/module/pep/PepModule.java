package im.tern.module.pep;

import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.disco.AccountInfoQuery;
import im.tern.module.disco.AccountItemsQuery;
import im.tern.module.vcard.VcardUpdated;
import im.tern.store.DocumentStore;
import im.tern.store.PepStore;
import im.tern.store.RosterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Declares the PEP service on every account: the pubsub IQ handlers, disco, the caps watch on client
 * presence, the last items for new contacts, avatar sync with the vCard, and clean-up with the account.
 */
public final class PepModule implements Module {
    public static final String NAMESPACE = PubSub.NS;

    private final PepSettings settings;
    private final PepAccessRules rules;

    /** @param rules further restrictions on who sees a node, added by other modules (privacy settings) */
    public PepModule(PepSettings settings, PepAccessRules rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public PepModule() { this(PepSettings.DEFAULTS, new PepAccessRules()); }

    @Override
    public String name() { return "pep"; }

    @Override
    public void start(ModuleContext ctx) {
        PepStore store = ctx.store(PepStore.class);
        RosterStore rosters = ctx.store(RosterStore.class);
        Access access = new Access(rosters, rules);
        Notifier notifier = new Notifier(ctx.sessions(), rosters, access, ctx.router(), ctx.blocking());
        Publishing publishing = new Publishing(store, settings, notifier, ctx.blocking(), ctx.clock());
        PubSubRequests requests = new PubSubRequests(publishing, new ItemRetrieval(store, access, settings, ctx.blocking()),
                new OwnerRequests(store, settings, notifier, ctx.blocking()));
        LastItems lastItems = new LastItems(store, rosters, access, notifier, ctx.sessions(), ctx.blocking());
        CapsResolver resolver = new CapsResolver(new CapsCache(settings.capsCacheSize()), ctx.router(), System::nanoTime);
        CapsListener caps = new CapsListener(resolver, lastItems);
        PepDisco disco = new PepDisco(store, access, settings, ctx.blocking());
        AvatarHashes hashes = new AvatarHashes(store, rosters, ctx.sessions(), ctx.router(), ctx.blocking());
        AvatarSync avatars = new AvatarSync(store, ctx.store(DocumentStore.class), publishing, hashes, settings, ctx.blocking());
        publishing.listen(avatars::published);

        for (String feature : features()) {
            ctx.disco().serverFeature(feature);
            ctx.disco().accountFeature(feature);
        }
        ctx.iq().accountGet("pubsub", PubSub.NS, requests::get);
        ctx.iq().accountSet("pubsub", PubSub.NS, requests::set);
        ctx.iq().accountGet("pubsub", PubSub.OWNER, requests::ownerGet);
        ctx.iq().accountSet("pubsub", PubSub.OWNER, requests::ownerSet);
        ctx.hooks().on(AccountInfoQuery.class, Phase.HANDLE, disco::info);
        ctx.hooks().on(AccountItemsQuery.class, Phase.HANDLE, disco::items);

        // BEFORE: the presence module takes client presence in HANDLE and stops it there.
        ctx.hooks().on(Events.ClientStanza.class, Phase.BEFORE, e -> {
            if (e.stanza().kind() == Stanza.Kind.PRESENCE) caps.presence(e.session(), e.stanza());
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.IqResponse.class, Phase.HANDLE, e -> {
            resolver.answer(e.stanza());
            return Hook.CONTINUE;
        });
        // An account approved a contact's subscription: its roster already says so when the answer arrives.
        ctx.hooks().on(Events.InboundStanza.class, Phase.BEFORE, e -> {
            Stanza s = e.stanza();
            if (s.kind() == Stanza.Kind.PRESENCE && "subscribed".equals(s.type()) && s.from() != null && s.to() != null
                    && s.from().local() != null && s.from().domain().equals(ctx.domain().domain())) {
                lastItems.toNewContact(s.from().bare(), s.to().bare());
            }
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.InboundStanza.class, Phase.HANDLE, hashes::stamp);
        ctx.hooks().on(VcardUpdated.class, Phase.HANDLE, avatars::vcardSet);
        ctx.hooks().on(Events.SessionClosed.class, Phase.AFTER, e -> {
            hashes.sessionClosed(e.session());
            return Hook.CONTINUE;
        });
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> store.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }

    /** The pubsub namespace and the XEP-0060 features the service offers. */
    static List<String> features() {
        List<String> out = new ArrayList<>();
        out.add(PubSub.NS);
        for (String f : PubSub.FEATURES) out.add(PubSub.NS + "#" + f);
        return out;
    }
}
