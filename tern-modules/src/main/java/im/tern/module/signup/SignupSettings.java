package im.tern.module.signup;

import java.time.Duration;

/**
 * Every limit of sign-up, with the defaults in {@link #defaults()}; the configuration keys are in
 * docs/tern.example.yaml under {@code signup}.
 *
 * @param codeTtl           how long a code works ({@code codeTtlSeconds})
 * @param maxCodeAttempts   wrong codes a verification takes before it is dead
 * @param resendCooldown    the wait after the first code before another is sent to the number; it doubles with each
 * @param resendCooldownMax the longest that wait grows to
 * @param resendSeries      codes older than this no longer lengthen the wait
 * @param maxPinTries       wrong PINs before the PIN is locked
 * @param pinLockout        how long a locked PIN refuses every try
 * @param perNumber         codes per number per hour and per day (0: no limit)
 * @param perAddress        code requests per client address (IPv6: per /64) per hour and per day
 * @param perPrefix         codes per number prefix per hour and per day (SMS-pumping protection)
 * @param prefixDigits      digits of the E.164 number (country code included) that make its prefix
 * @param smsText           the message text; {@code ${code}} is replaced by the code
 * @param maxBodyBytes      largest request body accepted
 */
public record SignupSettings(Duration codeTtl, int maxCodeAttempts, Duration resendCooldown, Duration resendCooldownMax,
                             Duration resendSeries, int maxPinTries, Duration pinLockout, Limit perNumber, Limit perAddress,
                             Limit perPrefix, int prefixDigits, String smsText, int maxBodyBytes) {
    /** A limit per hour and per day; 0 turns either off. */
    public record Limit(int hourly, int daily) {
        public Limit {
            if (hourly < 0 || daily < 0) throw new IllegalArgumentException("limits are 0 (off) or more");
        }
    }

    public SignupSettings {
        if (maxCodeAttempts < 1 || maxPinTries < 1) throw new IllegalArgumentException("at least one attempt must be allowed");
        if (prefixDigits < 1 || prefixDigits > 15) throw new IllegalArgumentException("prefixDigits is 1 to 15");
        if (!smsText.contains("${code}")) throw new IllegalArgumentException("the SMS text must contain ${code}");
        if (codeTtl.isNegative() || codeTtl.isZero()) throw new IllegalArgumentException("codeTtl must be positive");
    }

    public static SignupSettings defaults() {
        return new SignupSettings(Duration.ofMinutes(10), 5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1),
                5, Duration.ofDays(1), new Limit(5, 10), new Limit(20, 100), new Limit(50, 500), 8,
                "Your Tern code is ${code}. Do not share it.", 4096);
    }

    /** How long after the {@code sent}-th code of a series the next may go: 30 s, 60 s, 120 s ... up to the maximum. */
    Duration cooldownAfter(int sent) {
        if (sent <= 0) return Duration.ZERO;
        int doublings = Math.min(sent - 1, 30);
        Duration wait = resendCooldown.multipliedBy(1L << doublings);
        return wait.compareTo(resendCooldownMax) > 0 ? resendCooldownMax : wait;
    }
}
