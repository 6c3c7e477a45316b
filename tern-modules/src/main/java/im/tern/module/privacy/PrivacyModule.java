package im.tern.module.privacy;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.api.AccountAuth;
import im.tern.store.PrivacyStore;
import im.tern.store.RosterStore;
import im.tern.module.pep.PepAccessRules;
import im.tern.store.DeviceStore;
import im.tern.store.PrivacySettings.Setting;
import java.util.concurrent.CompletableFuture;

/**
 * Privacy settings: the HTTP API and the IQ that read and change them, the "online" filter on presence, and
 * their removal with the account. The other settings are enforced where their data is served, with
 * {@link Privacy}: last activity, vCards, the HTTP profile.
 */
public final class PrivacyModule implements Module {
    public static final String NAMESPACE = "urn:tern:privacy:0";

    private final int maxBodyBytes;
    private final PepAccessRules pepAccess;

    /**
     * @param maxBodyBytes the largest {@code PUT /v1/privacy} body accepted
     * @param pepAccess    the PEP service's rules, to which "who sees my photo" adds one for the avatar nodes
     */
    public PrivacyModule(int maxBodyBytes, PepAccessRules pepAccess) {
        if (maxBodyBytes < 64) throw new IllegalArgumentException("maxBodyBytes must be at least 64: " + maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.pepAccess = pepAccess;
    }

    @Override
    public String name() { return "privacy"; }

    @Override
    public void start(ModuleContext ctx) {
        PrivacyStore store = ctx.store(PrivacyStore.class);
        OnlineVisibility online = new OnlineVisibility(Privacy.of(ctx), ctx.domain(), ctx.store(RosterStore.class),
                ctx.sessions(), ctx.router(), ctx.blocking());
        PrivacyChanges changes = new PrivacyChanges(store, online, ctx.blocking());
        PrivacyIq iq = new PrivacyIq(changes);
        PrivacyRequests http = new PrivacyRequests(changes, new AccountAuth(ctx.store(DeviceStore.class), ctx.domain()),
                ctx.domain(), ctx.blocking(), maxBodyBytes);

        Privacy privacy = Privacy.of(ctx);
        // The rule runs on the blocking pool, where reading the settings is allowed.
        pepAccess.add((owner, node, viewer, contact) ->
                !PepAccessRules.isAvatarNode(node) || privacy.allows(owner, viewer, Setting.AVATAR));

        ctx.disco().serverFeature(NAMESPACE);
        ctx.iq().accountGet(PrivacyIq.ELEMENT, NAMESPACE, iq::get);
        ctx.iq().accountSet(PrivacyIq.ELEMENT, NAMESPACE, iq::set);
        ctx.http().route("GET", "/v1/privacy", http::get);
        ctx.http().route("PUT", "/v1/privacy", http::put);
        ctx.hooks().on(Events.InboundStanza.class, Phase.BEFORE, online::filter);
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture
                .runAsync(() -> store.deleteAll(e.account().local()), ctx.blocking())
                .thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
