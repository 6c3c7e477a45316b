package im.tern.server.transport;

/**
 * A token bucket on one connection's inbound bytes: when a read takes the bucket below zero, the
 * connection stops reading until it has refilled. Nothing is dropped; TCP pushes back on the sender.
 * The bucket holds one second of the rate, so short bursts pass untouched.
 */
final class ReadThrottle {
    private final long bytesPerSecond;
    private long tokens;
    private long refilledAt;

    ReadThrottle(long bytesPerSecond, long nowNanos) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
        this.refilledAt = nowNanos;
    }

    /** Takes the bytes; returns how long to pause reading in nanoseconds, 0 for not at all. */
    long consume(int bytes, long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            // In double: elapsed times rate overflows a long after a few seconds of silence.
            tokens = (long) Math.min(bytesPerSecond, tokens + elapsed * (double) bytesPerSecond / 1e9);
            refilledAt = nowNanos;
        }
        tokens -= bytes;
        if (tokens >= 0) return 0;
        return -tokens * 1_000_000_000L / bytesPerSecond;
    }
}
