package im.tern.module.profile;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.contacts.ContactsSettings;
import im.tern.module.contacts.NumberLookups;
import im.tern.module.privacy.Privacy;
import im.tern.store.DiscoveryStore;
import im.tern.store.DocumentStore;
import im.tern.store.ProfileStore;
import im.tern.store.DeviceStore;
import im.tern.store.UserStore;
import java.util.concurrent.CompletableFuture;

/** Profiles over HTTP ({@code /v1/profile}), and their removal with the account. */
public final class ProfileModule implements Module {
    private final ProfileSettings settings;
    private final ContactsSettings lookups;

    /** @param lookups the discovery cap that asking for someone else's profile counts against */
    public ProfileModule(ProfileSettings settings, ContactsSettings lookups) {
        this.settings = settings;
        this.lookups = lookups;
    }

    @Override
    public String name() { return "profile"; }

    @Override
    public void start(ModuleContext ctx) {
        ProfileStore profiles = ctx.store(ProfileStore.class);
        ProfileRequests http = new ProfileRequests(settings, profiles, ctx.store(UserStore.class), ctx.store(DeviceStore.class), ctx.store(DocumentStore.class),
                Privacy.of(ctx), new NumberLookups(ctx.store(DiscoveryStore.class), lookups, ctx.clock()), ctx.domain(), ctx.blocking());
        ctx.http().route("GET", "/v1/profile", http::own);
        ctx.http().route("PUT", "/v1/profile", http::put);
        ctx.http().route("GET", "/v1/profile/{id}", http::other);
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> profiles.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
