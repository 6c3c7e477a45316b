package im.tern.module.signup;

import im.tern.core.Jid;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.AccountAuth;
import im.tern.module.api.BasicCredentials;
import im.tern.module.api.Blocking;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.store.PinStore;
import im.tern.store.UserStore;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code PUT /v1/account/pin} sets or replaces the account's two-step PIN (4 to 8 digits), {@code DELETE}
 * removes it. Both authenticate with HTTP Basic: the account's JID (or its local part) and its token,
 * checked against the stored SCRAM credential.
 */
final class PinRequests {
    private final SignupSettings settings;
    private final PinStore pins;
    private final AccountAuth auth;
    private final Executor blocking;

    PinRequests(SignupSettings settings, PinStore pins, UserStore users, Jid domain, Executor blocking) {
        this.settings = settings;
        this.pins = pins;
        this.auth = new AccountAuth(users, domain);
        this.blocking = blocking;
    }

    static boolean validPin(String pin) {
        return pin.matches("[0-9]{4,8}");
    }

    CompletionStage<HttpResponse> put(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        String pin;
        try {
            pin = JsonBody.read(request, settings.maxBodyBytes(), List.of("pin"), List.of()).get("pin");
            if (!validPin(pin)) throw JsonBody.invalid(List.of(new FieldError("pin", "must be 4 to 8 digits"))).exception();
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> {
            String user = auth.authenticate(basic);
            pins.put(user, PinHash.hash(pin));
            return HttpResponse.empty(204);
        });
    }

    CompletionStage<HttpResponse> delete(HttpRequest request) {
        BasicCredentials basic = BasicCredentials.parse(request.header("authorization"));
        if (basic == null) return Blocking.now(BasicCredentials.unauthorized("authenticate with your JID and token").response());
        return Blocking.answer(blocking, () -> {
            pins.delete(auth.authenticate(basic));
            return HttpResponse.empty(204);
        });
    }
}
