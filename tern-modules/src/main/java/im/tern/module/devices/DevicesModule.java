package im.tern.module.devices;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.api.AccountAuth;
import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import im.tern.store.QuotaStore;
import java.util.concurrent.CompletableFuture;

/** Linked devices: declares the HTTP routes and the link-code IQ, and drops a deleted account's devices and codes. */
public final class DevicesModule implements Module {
    public static final String NAMESPACE = "urn:tern:devices:0";

    private final DeviceSettings settings;

    public DevicesModule(DeviceSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() { return "devices"; }

    @Override
    public void start(ModuleContext ctx) {
        DeviceStore devices = ctx.store(DeviceStore.class);
        LinkCodeStore codes = ctx.store(LinkCodeStore.class);
        AccountAuth auth = new AccountAuth(devices, ctx.domain());
        LinkCodeIssuer issuer = new LinkCodeIssuer(settings, codes, devices, ctx.clock());
        var linkCodes = new LinkCodeRequests(settings, auth, issuer, ctx.blocking());
        var redemptions = new Redemptions(settings, codes, devices, ctx.store(QuotaStore.class), ctx.domain(),
                ctx.blocking(), ctx.clock());
        var requests = new DeviceRequests(settings, auth, devices, ctx.sessions(), ctx.blocking());
        ctx.http().route("POST", "/v1/devices/link-codes", linkCodes::create);
        ctx.http().route("POST", "/v1/devices", redemptions::redeem);
        ctx.http().route("GET", "/v1/devices", requests::list);
        ctx.http().route("DELETE", "/v1/devices/{id}", requests::revoke);
        ctx.disco().accountFeature(NAMESPACE);
        ctx.iq().accountSet("link-code", NAMESPACE, new LinkCodeIq(issuer, settings, ctx.sessions(), ctx.blocking()));
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> CompletableFuture.runAsync(() -> {
            devices.revokeAll(e.account().local());
            codes.deleteAll(e.account().local());
        }, ctx.blocking()).thenApply(v -> Hook.Outcome.CONTINUE));
    }
}
