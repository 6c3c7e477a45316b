package im.tern.store;

import java.util.Collection;
import java.util.Set;

/**
 * Contact discovery: which numbers exist as accounts, asked in one query per batch, and which numbers each
 * account has looked up (as hashes), so that a daily cap counts each number only the first time.
 */
public interface DiscoveryStore {
    /** What {@link #admit} decided: {@code fresh} numbers were new to the account, {@code usedToday} counts them in. */
    record Admission(boolean admitted, int fresh, int usedToday) {}

    /** Of these usernames, the ones that have an account; one query, whatever the number. */
    Set<String> existing(Collection<String> usernames);

    /**
     * Records that {@code username} looked up the numbers behind {@code hashes} on {@code day} (a UTC epoch day).
     * Hashes it never looked up before are fresh and count against {@code maxNewPerDay} (0: no cap): when they
     * would pass it nothing is recorded and the answer is not admitted. Concurrent calls for one account run one
     * after the other.
     */
    Admission admit(String username, Collection<String> hashes, long day, int maxNewPerDay);

    /** Forgets look-ups not repeated since before {@code day}; returns how many. */
    int purge(long day);

    /** Forgets everything the account looked up, and its count. */
    void deleteAll(String username);
}
