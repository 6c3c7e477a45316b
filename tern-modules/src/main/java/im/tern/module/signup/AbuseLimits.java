package im.tern.module.signup;

import im.tern.module.api.ClientAddress;
import im.tern.module.api.Problem;
import im.tern.store.QuotaStore;
import im.tern.store.QuotaStore.Quota;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The code-request limits per number, per client address and per number prefix, each per hour and per day,
 * counted in the database ({@link QuotaStore}) so they hold across restarts and across the nodes of a
 * cluster. Windows are fixed UTC hours and days. A request is counted on all six counters or, when any is
 * full, on none, and is answered 429 with the wait until the fullest window ends.
 */
final class AbuseLimits {
    private final QuotaStore quotas;
    private final SignupSettings settings;

    AbuseLimits(QuotaStore quotas, SignupSettings settings) {
        this.quotas = quotas;
        this.settings = settings;
    }

    /** Counts one code request; null when it is within every limit, else the 429 problem to answer. */
    Problem take(String e164, String address, Instant now) {
        List<Quota> asked = new ArrayList<>();
        add(asked, "number", e164, settings.perNumber(), now);
        add(asked, "address", addressKey(address), settings.perAddress(), now);
        add(asked, "prefix", e164.substring(0, Math.min(e164.length(), settings.prefixDigits() + 1)), settings.perPrefix(), now);
        if (asked.isEmpty()) return null;
        List<Quota> full = quotas.hit(asked);
        if (full.isEmpty()) return null;
        Quota longest = full.get(0);
        for (Quota q : full) if (q.windowEnd().isAfter(longest.windowEnd())) longest = q;
        String limit = longest.key().split(":")[1];
        return Problem.of(429, "rate-limited", "Too many code requests",
                        "too many codes were asked for " + describe(limit) + "; try again later")
                .with("limit", limit)
                .retryAfter(Duration.between(now, longest.windowEnd()));
    }

    private static void add(List<Quota> quotas, String scope, String value, SignupSettings.Limit limit, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        if (limit.hourly() > 0) quotas.add(new Quota("signup:" + scope + "-hourly:" + value, hour, hour.plus(Duration.ofHours(1)), limit.hourly()));
        if (limit.daily() > 0) quotas.add(new Quota("signup:" + scope + "-daily:" + value, day, day.plus(Duration.ofDays(1)), limit.daily()));
    }

    private static String describe(String limit) {
        String[] p = limit.split("-");
        String what = switch (p[0]) {
            case "number" -> "this number";
            case "address" -> "from this network address";
            default -> "numbers starting like this one";
        };
        return what + " in the last " + (p[1].equals("hourly") ? "hour" : "day");
    }

    /** The address as counted: IPv4 as is, IPv6 by its /64. */
    static String addressKey(String address) { return ClientAddress.key(address); }

    /** The counters that name the number itself (not its prefix), forgotten when its account is deleted. */
    static List<String> numberKeys(String e164) {
        return List.of("signup:number-hourly:" + e164, "signup:number-daily:" + e164);
    }
}
