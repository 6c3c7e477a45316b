package im.tern.module.signup;

import im.tern.core.Jid;
import im.tern.core.auth.Credentials;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import im.tern.store.UserStore;
import im.tern.store.VerificationStore;
import im.tern.store.VerificationStore.Verification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/accounts}: the code of a verification makes the account whose JID is the number's
 * digits, or takes it over on a new phone. Each try at the code is counted before it is compared (in
 * constant time), so concurrent guesses get no more than the allowed attempts; a right code is used once.
 * A take-over needs the account's PIN when it has one, replaces the credentials (the old token stops
 * working), unlinks the account's linked devices and ends every session of the account. The token is answered once and stored only as SCRAM hashes.
 */
final class AccountRequests {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRequests.class);

    private final SignupSettings settings;
    private final VerificationStore verifications;
    private final UserStore users;
    private final DeviceStore devices;
    private final LinkCodeStore linkCodes;
    private final PinCheck pins;
    private final Sessions sessions;
    private final Jid domain;
    private final Executor blocking;
    private final Clock clock;

    AccountRequests(SignupSettings settings, VerificationStore verifications, UserStore users, DeviceStore devices,
                    LinkCodeStore linkCodes, PinCheck pins, Sessions sessions, Jid domain, Executor blocking, Clock clock) {
        this.settings = settings;
        this.verifications = verifications;
        this.users = users;
        this.devices = devices;
        this.linkCodes = linkCodes;
        this.pins = pins;
        this.sessions = sessions;
        this.domain = domain;
        this.blocking = blocking;
        this.clock = clock;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        Map<String, String> body;
        try {
            body = JsonBody.read(request, settings.maxBodyBytes(), List.of("verification", "code"), List.of("pin"));
            List<FieldError> errors = new ArrayList<>();
            if (!body.get("verification").matches("[A-Za-z0-9_-]{1,64}")) errors.add(new FieldError("verification", "not a verification id"));
            if (!body.get("code").matches("[0-9]{6}")) errors.add(new FieldError("code", "must be the 6 digits sent by SMS"));
            if (body.containsKey("pin") && !PinRequests.validPin(body.get("pin"))) errors.add(new FieldError("pin", "must be 4 to 8 digits"));
            if (!errors.isEmpty()) throw JsonBody.invalid(errors).exception();
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> register(body.get("verification"), body.get("code"), body.get("pin")));
    }

    private HttpResponse register(String id, String code, String pin) {
        Instant now = clock.instant();
        Verification v = verifications.get(id).orElseThrow(() -> notFound().exception());
        refuseUnusable(v, now);
        int attempt = verifications.attempt(id, now, settings.maxCodeAttempts());
        if (attempt == 0) {
            refuseUnusable(verifications.get(id).orElseThrow(() -> notFound().exception()), now);
            throw tooManyAttempts(false).exception(); // another try took the last attempt meanwhile
        }
        if (!Secrets.codeMatches(id, code, v.codeHash())) {
            int left = settings.maxCodeAttempts() - attempt;
            if (left <= 0) return tooManyAttempts(true).response();
            return Problem.of(403, "code-wrong", "Wrong code", "that is not the code sent to " + v.phone()
                    + "; " + left + (left == 1 ? " attempt" : " attempts") + " left").with("attemptsLeft", left).response();
        }
        String user = v.phone().substring(1);
        Problem pinRefusal = users.exists(user) ? pins.check(user, pin, now) : pins.forget(user);
        if (pinRefusal != null) {
            verifications.refund(id); // the code was right: the PIN, not the code, stopped this try
            return pinRefusal.response();
        }
        if (!verifications.use(id)) throw Problem.of(410, "verification-used", "Code already used",
                "this code has been used; ask for a new one").exception();

        String token = Secrets.token();
        Credentials credentials = Credentials.fromPassword(token);
        boolean replaced = !users.create(user, credentials);
        if (replaced && !users.setCredentials(user, credentials)) {
            replaced = false; // deleted in between: make it anew
            users.create(user, credentials);
        }
        Jid jid = Jid.of(user, domain.domain(), null);
        if (replaced) {
            // The new phone starts with no linked devices: the old phone's links go with its token. (They could not
            // log in anyway: their keys were derived on the salts the new credentials replaced.)
            devices.revokeAll(user);
            linkCodes.deleteAll(user);
            signOut(jid);
        }
        LOG.info("{} {} by phone sign-up", jid, replaced ? "re-registered" : "registered");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jid", jid.toString());
        body.put("token", token);
        return Json.response(201, body);
    }

    /** The old phone's and its linked devices' sessions end: their tokens no longer work, and live streams must not outlast them. */
    private void signOut(Jid account) {
        for (Session s : sessions.of(account)) s.close("not-authorized", "this number was signed up again on another phone");
    }

    private void refuseUnusable(Verification v, Instant now) {
        switch (v.status()) {
            case USED -> throw Problem.of(410, "verification-used", "Code already used",
                    "this code has been used; ask for a new one").exception();
            case DEAD -> throw Problem.of(410, "verification-replaced", "Code replaced",
                    "a newer code was sent to this number; use that one").exception();
            case OPEN -> { }
        }
        if (!now.isBefore(v.expires())) throw Problem.of(410, "verification-expired", "Code expired",
                "this code expired " + settings.codeTtl().toMinutes() + " minutes after it was sent; ask for a new one").exception();
        if (v.attempts() >= settings.maxCodeAttempts()) throw tooManyAttempts(false).exception();
    }

    private Problem tooManyAttempts(boolean thisWasTheLast) {
        return Problem.of(410, "too-many-attempts", "Too many wrong codes",
                (thisWasTheLast ? "wrong code, and that was the last of " : "this verification has had ")
                        + settings.maxCodeAttempts() + " wrong codes and can no longer be used; ask for a new code")
                .with("attemptsLeft", 0);
    }

    private static Problem notFound() {
        return Problem.of(404, "verification-not-found", "No such verification",
                "no verification has this id; ask for a code with POST /v1/verifications");
    }
}
