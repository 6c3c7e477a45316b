package im.tern.module.devices;

import im.tern.module.api.Problem;
import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes an account's link code, for the HTTP API and the IQ alike: refused when the account has the most
 * linked devices allowed already, else a fresh code that replaces the account's earlier one. Blocking.
 */
final class LinkCodeIssuer {
    /** Used and replaced codes are kept this long, so that trying one says what became of it. */
    private static final Duration KEEP = Duration.ofDays(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DeviceSettings settings;
    private final LinkCodeStore codes;
    private final DeviceStore devices;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    LinkCodeIssuer(DeviceSettings settings, LinkCodeStore codes, DeviceStore devices, Clock clock) {
        this.settings = settings;
        this.codes = codes;
        this.devices = devices;
        this.clock = clock;
    }

    /** A new code for the account, shown once; a {@link im.tern.module.api.ProblemException} (409) when it is full. */
    LinkCode issue(String user) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        if (devices.list(user).size() >= settings.maxLinked()) throw tooManyDevices(settings.maxLinked()).exception();
        LinkCode code = LinkCode.generate();
        codes.open(LinkCodeStore.LinkCode.fresh(code.id(), user, code.hash(), now, now.plus(settings.linkCodeTtl())));
        return code;
    }

    static Problem tooManyDevices(int max) {
        return Problem.of(409, "too-many-devices", "Too many linked devices", "this account has " + max
                        + " linked devices, the most allowed; unlink one first (DELETE /v1/devices/{id})")
                .with("max", max);
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) return;
        Duration keep = settings.linkCodeTtl().compareTo(KEEP) > 0 ? settings.linkCodeTtl() : KEEP;
        codes.purge(now.minus(keep));
    }
}
