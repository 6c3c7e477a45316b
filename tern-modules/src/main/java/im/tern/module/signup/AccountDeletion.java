package im.tern.module.signup;

import im.tern.core.Jid;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.core.module.Events;
import im.tern.core.module.Hooks;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.store.UserStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/accounts/me}: the primary device deletes its account, authenticated with HTTP Basic and its
 * token. An account with a two-step PIN needs it in a JSON body, {@code {"pin":"2468"}} (wrong tries count
 * towards the PIN's lock-out as at re-registration); without a PIN the body may be empty. The account row goes
 * first, so no login works from then on; then {@link Events.AccountDeleted}, whose hooks end the sessions and
 * drop what every module holds. 204 once they are all done.
 */
final class AccountDeletion {
    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);

    private final SignupSettings settings;
    private final AccountAuth auth;
    private final PinCheck pins;
    private final UserStore users;
    private final Hooks hooks;
    private final Executor blocking;
    private final Clock clock;

    AccountDeletion(SignupSettings settings, AccountAuth auth, PinCheck pins, UserStore users, Hooks hooks, Executor blocking,
                    Clock clock) {
        this.settings = settings;
        this.auth = auth;
        this.pins = pins;
        this.users = users;
        this.hooks = hooks;
        this.blocking = blocking;
        this.clock = clock;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        String pin;
        try {
            pin = request.body().length == 0 ? null
                    : JsonBody.read(request, settings.maxBodyBytes(), List.of(), List.of("pin")).get("pin");
            if (pin != null && !PinRequests.validPin(pin)) {
                throw JsonBody.invalid(List.of(new FieldError("pin", "must be 4 to 8 digits"))).exception();
            }
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answered(Blocking.supply(blocking, () -> delete(basic, pin))
                .thenCompose(account -> hooks.fire(new Events.AccountDeleted(account)))
                .thenApply(outcome -> HttpResponse.empty(204)));
    }

    /** Checks who asks and the PIN, then removes the account row; returns the account for the event. */
    private Jid delete(BasicCredentials basic, String pin) {
        AccountAuth.Caller caller = auth.authenticate(basic);
        if (!caller.primary()) throw AccountAuth.primaryOnly("delete the account").exception();
        Problem refused = pins.check(caller.user(), pin, clock.instant());
        if (refused != null) throw refused.exception();
        // Already gone (a concurrent deletion): the hooks drop whatever is left all the same.
        users.delete(caller.user());
        LOG.info("{} deleted over the HTTP API", caller.account());
        return caller.account();
    }
}
