package im.tern.module.devices;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.Blocking;
import im.tern.module.api.ClientAddress;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import im.tern.module.api.ProblemException;
import im.tern.store.DeviceStore;
import im.tern.store.DeviceStore.Device;
import im.tern.store.LinkCodeStore;
import im.tern.store.QuotaStore;
import im.tern.store.QuotaStore.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/devices {"code","name"}}: a new device redeems a link code, with no other credentials, for
 * a token of its own on the code's account. Redemptions are counted per client address first (429), each
 * try at a code is counted before its secret is compared in constant time, and a right code is used once.
 */
final class Redemptions {
    private static final Logger LOG = LoggerFactory.getLogger(Redemptions.class);
    static final int MAX_NAME = 64;

    private final DeviceSettings settings;
    private final LinkCodeStore codes;
    private final DeviceStore devices;
    private final QuotaStore quotas;
    private final Jid domain;
    private final Executor blocking;
    private final Clock clock;

    Redemptions(DeviceSettings settings, LinkCodeStore codes, DeviceStore devices, QuotaStore quotas, Jid domain,
                Executor blocking, Clock clock) {
        this.settings = settings;
        this.codes = codes;
        this.devices = devices;
        this.quotas = quotas;
        this.domain = domain;
        this.blocking = blocking;
        this.clock = clock;
    }

    CompletionStage<HttpResponse> redeem(HttpRequest request) {
        LinkCode code;
        String name;
        try {
            Map<String, String> body = JsonBody.read(request, settings.maxBodyBytes(), List.of("code", "name"), List.of());
            code = LinkCode.parse(body.get("code"));
            name = body.get("name").strip();
            List<FieldError> errors = new ArrayList<>();
            if (code == null) errors.add(new FieldError("code", "not a link code: it looks like xxxxxxxx-xxxxxxxxxxxxxxxxxxxx"));
            if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " printable characters"));
            }
            if (!errors.isEmpty()) throw JsonBody.invalid(errors).exception();
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answer(blocking, () -> link(code, name, request.remoteAddress()));
    }

    private HttpResponse link(LinkCode code, String name, String address) {
        Instant now = clock.instant();
        Problem limited = countAddress(address, now);
        if (limited != null) return limited.response();
        LinkCodeStore.LinkCode stored = codes.get(code.id()).orElseThrow(() -> notFound().exception());
        refuseUnusable(stored, now);
        int attempt = codes.attempt(code.id(), now, settings.maxLinkCodeAttempts());
        if (attempt == 0) {
            refuseUnusable(codes.get(code.id()).orElseThrow(() -> notFound().exception()), now);
            throw tooManyAttempts(false).exception(); // another try took the last attempt meanwhile
        }
        if (!code.matches(stored.secretHash())) {
            int left = settings.maxLinkCodeAttempts() - attempt;
            if (left <= 0) return tooManyAttempts(true).response();
            return Problem.of(403, "link-code-wrong", "Wrong link code", "that is not the link code; " + left
                    + (left == 1 ? " attempt" : " attempts") + " left").with("attemptsLeft", left).response();
        }
        String user = stored.username();
        if (devices.list(user).size() >= settings.maxLinked()) return LinkCodeIssuer.tooManyDevices(settings.maxLinked()).response();
        if (!codes.use(code.id())) throw used().exception();
        AccountCredentials account = devices.credentials(user).orElseThrow(() -> accountGone().exception());

        String token = DeviceSecrets.token();
        String id = DeviceSecrets.deviceId();
        Credentials credentials = account.primary().withPassword(token);
        switch (devices.add(user, new Device(id, name, now), credentials, settings.maxLinked())) {
            case LINKED -> { }
            case FULL -> throw LinkCodeIssuer.tooManyDevices(settings.maxLinked()).exception();
            case NO_ACCOUNT, STALE -> throw accountGone().exception();
        }
        Jid jid = Jid.of(user, domain.domain(), null);
        LOG.info("{} linked device {}", jid, id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jid", jid.toString());
        body.put("device", id);
        body.put("token", token);
        return Json.response(201, body);
    }

    /** Every redemption counts, right or wrong, so that guessing codes from one address is slow. */
    private Problem countAddress(String address, Instant now) {
        String key = ClientAddress.key(address);
        DeviceSettings.Limit limit = settings.redeemPerAddress();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        List<Quota> asked = new ArrayList<>(2);
        if (limit.hourly() > 0) asked.add(new Quota("devices:redeem-hourly:" + key, hour, hour.plus(Duration.ofHours(1)), limit.hourly()));
        if (limit.daily() > 0) asked.add(new Quota("devices:redeem-daily:" + key, day, day.plus(Duration.ofDays(1)), limit.daily()));
        if (asked.isEmpty()) return null;
        List<Quota> full = quotas.hit(asked);
        if (full.isEmpty()) return null;
        Quota longest = full.get(full.size() - 1);
        for (Quota q : full) if (q.windowEnd().isAfter(longest.windowEnd())) longest = q;
        boolean daily = longest.key().startsWith("devices:redeem-daily:");
        return Problem.of(429, "rate-limited", "Too many link codes tried",
                        "too many link codes were tried from this network address in the last " + (daily ? "day" : "hour")
                                + "; try again later")
                .with("limit", daily ? "redeem-address-daily" : "redeem-address-hourly")
                .retryAfter(Duration.between(now, longest.windowEnd()));
    }

    private void refuseUnusable(LinkCodeStore.LinkCode c, Instant now) {
        switch (c.status()) {
            case USED -> throw used().exception();
            case DEAD -> throw Problem.of(410, "link-code-replaced", "Link code replaced",
                    "a newer link code was made for this account; use that one").exception();
            case OPEN -> { }
        }
        if (!now.isBefore(c.expires())) throw Problem.of(410, "link-code-expired", "Link code expired",
                "this link code expired " + settings.linkCodeTtl().toSeconds() + " seconds after it was made; make a new one")
                .exception();
        if (c.attempts() >= settings.maxLinkCodeAttempts()) throw tooManyAttempts(false).exception();
    }

    private Problem tooManyAttempts(boolean thisWasTheLast) {
        return Problem.of(410, "too-many-attempts", "Too many wrong link codes",
                (thisWasTheLast ? "wrong link code, and that was the last of " : "this link code has had ")
                        + settings.maxLinkCodeAttempts() + " wrong tries and can no longer be used; make a new one")
                .with("attemptsLeft", 0);
    }

    private static Problem used() {
        return Problem.of(410, "link-code-used", "Link code already used",
                "this link code has linked a device already; make a new one");
    }

    private static Problem notFound() {
        return Problem.of(404, "link-code-not-found", "No such link code",
                "no link code starts like this one; make one on your primary device");
    }

    private static Problem accountGone() {
        return Problem.of(404, "link-code-not-found", "No such link code",
                "the account this link code belonged to was signed up again or deleted");
    }
}
