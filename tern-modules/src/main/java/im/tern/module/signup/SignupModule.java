package im.tern.module.signup;

import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.sms.SmsGateway;
import im.tern.module.sms.SmsSender;
import im.tern.module.api.AccountAuth;
import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import im.tern.store.PinStore;
import im.tern.store.QuotaStore;
import im.tern.store.UserStore;
import im.tern.store.VerificationStore;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Phone-number sign-up: declares the HTTP routes (sign-up, PIN, account deletion) and, when an account is deleted,
 * forgets its PIN and what sign-up kept about its number (verifications, the number's code-request counters).
 */
public final class SignupModule implements Module {
    /** Threads that wait on the SMS gateway, and messages that may queue for them. */
    private static final int SMS_THREADS = 4;
    private static final int SMS_QUEUE = 200;

    private final SignupSettings settings;
    private final SmsGateway gateway;
    private SmsSender sender;

    public SignupModule(SignupSettings settings, SmsGateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
    }

    @Override
    public String name() { return "signup"; }

    @Override
    public void start(ModuleContext ctx) {
        VerificationStore verifications = ctx.store(VerificationStore.class);
        QuotaStore quotas = ctx.store(QuotaStore.class);
        PinStore pins = ctx.store(PinStore.class);
        UserStore users = ctx.store(UserStore.class);
        DeviceStore devices = ctx.store(DeviceStore.class);
        AccountAuth auth = new AccountAuth(devices, ctx.domain());
        PinCheck pinCheck = new PinCheck(pins, settings);
        Runnable purge = () -> {
            Instant now = ctx.clock().instant();
            Instant keepFrom = now.minus(settings.resendSeries().compareTo(settings.codeTtl()) > 0 ? settings.resendSeries() : settings.codeTtl());
            verifications.purge(keepFrom);
            quotas.purge(now);
        };
        sender = new SmsSender(gateway, SMS_THREADS, SMS_QUEUE);
        var codes = new VerificationRequests(settings, verifications, new AbuseLimits(quotas, settings), sender,
                ctx.blocking(), ctx.clock(), purge);
        var accounts = new AccountRequests(settings, verifications, users, devices, ctx.store(LinkCodeStore.class), pinCheck,
                ctx.sessions(), ctx.domain(), ctx.blocking(), ctx.clock());
        var pin = new PinRequests(settings, pins, auth, ctx.blocking());
        var deletion = new AccountDeletion(settings, auth, pinCheck, users, ctx.hooks(), ctx.blocking(), ctx.clock());
        ctx.http().route("POST", "/v1/verifications", codes::handle);
        ctx.http().route("POST", "/v1/accounts", accounts::handle);
        ctx.http().route("PUT", "/v1/account/pin", pin::put);
        ctx.http().route("DELETE", "/v1/account/pin", pin::delete);
        ctx.http().route("DELETE", "/v1/accounts/me", deletion::handle);
        ctx.hooks().on(Events.AccountDeleted.class, Phase.AFTER, e -> CompletableFuture.runAsync(() -> {
            String user = e.account().local();
            pins.delete(user);
            // A phone account's localpart is its E.164 number without the "+".
            verifications.forget("+" + user);
            quotas.forget(AbuseLimits.numberKeys("+" + user));
        }, ctx.blocking()).handle((ok, error) -> Hook.Outcome.CONTINUE));
    }

    @Override
    public void stop() {
        if (sender != null) sender.close();
        else gateway.close();
    }
}
