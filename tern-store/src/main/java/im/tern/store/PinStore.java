package im.tern.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Two-step verification PINs by account: a hash (never the PIN), and a lock-out after too many wrong tries.
 * A try is counted before the PIN is compared, so concurrent guesses cannot pass the limit.
 */
public interface PinStore {
    /** The stored hash, the tries counted since the last success or lock-out, and when a lock-out ends. */
    record Pin(String hash, int tries, Instant lockedUntil) {}

    Optional<Pin> get(String username);

    /** Sets or replaces the PIN hash; clears counted tries and any lock-out. */
    void put(String username, String hash);

    boolean delete(String username);

    /**
     * Counts a try unless the PIN is locked at {@code now} or has {@code maxTries} counted: returns this try's
     * number (1 for the first since the last success or lock-out), or 0 when it was not counted.
     */
    int countTry(String username, Instant now, int maxTries);

    /** The PIN was right: counted tries start again from zero. */
    void clearTries(String username);

    /** Locks the PIN until {@code until}; the tries start again from zero after it. */
    void lock(String username, Instant until);
}
