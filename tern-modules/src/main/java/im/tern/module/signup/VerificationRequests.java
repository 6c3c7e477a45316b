package im.tern.module.signup;

import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.api.Blocking;
import im.tern.module.api.Json;
import im.tern.module.api.JsonBody;
import im.tern.module.api.Problem;
import im.tern.module.api.ProblemException;
import im.tern.module.sms.Sms;
import im.tern.module.sms.SmsSender;
import im.tern.store.VerificationStore;
import im.tern.store.VerificationStore.Series;
import im.tern.store.VerificationStore.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/verifications}: parses the number (on the event loop), then on the blocking pool checks
 * the number's resend cool-down, counts the abuse limits and opens a verification, then sends its code on
 * the SMS pool. A code that could not be sent leaves nothing behind: the verification is removed (502).
 */
final class VerificationRequests {
    private static final Logger LOG = LoggerFactory.getLogger(VerificationRequests.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final SignupSettings settings;
    private final VerificationStore verifications;
    private final AbuseLimits limits;
    private final SmsSender sender;
    private final Executor blocking;
    private final Clock clock;
    private final Runnable purge;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    VerificationRequests(SignupSettings settings, VerificationStore verifications, AbuseLimits limits, SmsSender sender,
                         Executor blocking, Clock clock, Runnable purge) {
        this.settings = settings;
        this.verifications = verifications;
        this.limits = limits;
        this.sender = sender;
        this.blocking = blocking;
        this.clock = clock;
        this.purge = purge;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        String e164;
        try {
            Map<String, String> body = JsonBody.read(request, settings.maxBodyBytes(), List.of("phone"), List.of("region"));
            e164 = PhoneNumbers.e164(body.get("phone"), body.get("region"));
        } catch (ProblemException e) {
            return Blocking.now(e.problem().response());
        }
        return Blocking.answered(Blocking.supply(blocking, () -> open(e164, request.remoteAddress()))
                .thenCompose(this::send));
    }

    /** A verification opened and its message, not sent yet. */
    private record Opened(String id, Sms sms, Instant now) {}

    /** Checks the cool-down and the limits (throwing their problem), then opens a verification. */
    private Opened open(String e164, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.resendSeries());
        Series series = verifications.recent(e164, since);
        if (series.count() > 0) {
            Instant allowed = series.latest().plus(settings.cooldownAfter(series.count()));
            if (now.isBefore(allowed)) throw tooSoon(Duration.between(now, allowed), series.count()).exception();
        }
        Problem limited = limits.take(e164, address, now);
        if (limited != null) throw limited.exception();

        String id = Secrets.verificationId();
        String code = Secrets.code();
        Verification v = Verification.fresh(id, e164, Secrets.codeHash(id, code), now, now.plus(settings.codeTtl()));
        if (!verifications.open(v, since, series.count())) throw tooSoon(settings.resendCooldown(), series.count() + 1).exception();
        return new Opened(id, new Sms(e164, code, settings.smsText().replace("${code}", code)), now);
    }

    /** Sends on the SMS pool; a code that did not go leaves no verification (502, or 503 when too many wait). */
    private CompletionStage<HttpResponse> send(Opened o) {
        CompletableFuture<Void> sent;
        try {
            sent = sender.send(o.sms());
        } catch (RejectedExecutionException e) {
            verifications.cancel(o.id());
            return Blocking.now(Blocking.busy().response());
        }
        return sent.handle((ok, error) -> {
            if (error != null) {
                verifications.cancel(o.id());
                LOG.warn("could not send a sign-up code to {}: {}", o.sms().to(), error.getCause() == null ? error : error.getCause());
                return Problem.of(502, "sms-failed", "Code not sent",
                        "the SMS gateway did not accept the message; no code was sent, try again later").response();
            }
            purgeIfDue(o.now());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", o.id());
            body.put("phone", o.sms().to());
            body.put("expiresIn", settings.codeTtl().toSeconds());
            return Json.response(201, body);
        });
    }

    private static Problem tooSoon(Duration wait, int sent) {
        return Problem.of(429, "resend-too-soon", "Code sent recently",
                        sent + (sent == 1 ? " code was" : " codes were") + " sent to this number lately; wait before asking for another")
                .with("limit", "resend-cooldown").retryAfter(wait);
    }

    /** Old verifications and ended counter windows go at most once an hour, after a request. */
    private void purgeIfDue(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) return;
        try {
            CompletableFuture.runAsync(purge, blocking).exceptionally(e -> {
                LOG.warn("purging old sign-up data failed", e);
                return null;
            });
        } catch (RejectedExecutionException e) {
            lastPurge.set(last); // the pool is full: another request will do it
        }
    }
}
