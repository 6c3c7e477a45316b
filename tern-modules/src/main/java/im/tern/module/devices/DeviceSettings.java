package im.tern.module.devices;

import java.time.Duration;

/**
 * Every limit of linked devices, with the defaults in {@link #defaults()}; the configuration keys are in
 * docs/tern.example.yaml under {@code devices}.
 *
 * @param linkCodeTtl         how long a link code works ({@code linkCodeTtlSeconds})
 * @param maxLinkCodeAttempts wrong secrets a link code takes before it is dead
 * @param maxLinked           linked devices an account may have, besides its primary device
 * @param redeemPerAddress    link-code redemptions per client address (IPv6: per /64) per hour and per day (0: no limit)
 * @param maxBodyBytes        largest request body accepted
 */
public record DeviceSettings(Duration linkCodeTtl, int maxLinkCodeAttempts, int maxLinked, Limit redeemPerAddress,
                             int maxBodyBytes) {
    /** A limit per hour and per day; 0 turns either off. */
    public record Limit(int hourly, int daily) {
        public Limit {
            if (hourly < 0 || daily < 0) throw new IllegalArgumentException("limits are 0 (off) or more");
        }
    }

    public DeviceSettings {
        if (linkCodeTtl.isNegative() || linkCodeTtl.isZero()) throw new IllegalArgumentException("linkCodeTtl must be positive");
        if (maxLinkCodeAttempts < 1) throw new IllegalArgumentException("at least one attempt must be allowed");
        if (maxLinked < 0) throw new IllegalArgumentException("maxLinked is 0 (no linked devices) or more");
        if (maxBodyBytes < 64) throw new IllegalArgumentException("maxBodyBytes must be at least 64");
    }

    public static DeviceSettings defaults() {
        return new DeviceSettings(Duration.ofMinutes(5), 5, 4, new Limit(20, 100), 4096);
    }
}
