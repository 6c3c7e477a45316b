package im.tern.module.contacts;

import im.tern.module.api.Problem;
import im.tern.store.DiscoveryStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cap that keeps anyone from enumerating who has an account: an account may look up at most so many
 * numbers a UTC day that it never looked up before. Re-syncing the same address book is free. What is kept is
 * a hash of each number salted with the account, not the number; a number not looked up again for
 * {@code rememberDays} is forgotten and counts as new again. Every way of learning whether a number has an
 * account (discovery over HTTP and XMPP, another's profile) goes through here. Calls block.
 */
public final class NumberLookups {
    /** Why a look-up was refused: how many numbers were new, how many more today allows, and when the day ends. */
    public record Refusal(int fresh, int remaining, Duration retryAfter) {
        /** The HTTP answer: 429 {@code rate-limited}, {@code limit: new-numbers-daily}, with Retry-After. */
        public Problem problem() {
            return Problem.of(429, "rate-limited", "Too many new numbers today",
                            fresh + (fresh == 1 ? " number was" : " numbers were") + " never looked up before, and " + remaining
                                    + " more may be today; nothing was looked up")
                    .with("limit", "new-numbers-daily")
                    .with("newNumbers", fresh)
                    .with("remaining", remaining)
                    .retryAfter(retryAfter);
        }
    }

    private static final long PURGE_EVERY_MILLIS = Duration.ofHours(1).toMillis();

    private final DiscoveryStore store;
    private final int maxNewPerDay;
    private final int rememberDays;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    public NumberLookups(DiscoveryStore store, ContactsSettings settings, Clock clock) {
        this.store = store;
        this.maxNewPerDay = settings.maxNewNumbersPerDay();
        this.rememberDays = settings.rememberDays();
        this.clock = clock;
    }

    /**
     * Records that {@code account} looks up the accounts named {@code usernames} (E.164 digits); empty when
     * within the cap, else the refusal, and then nothing is recorded.
     */
    public Optional<Refusal> admit(String account, Collection<String> usernames) {
        Instant now = clock.instant();
        long day = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
        purgeNowAndThen(now, day);
        List<String> hashes = new ArrayList<>(usernames.size());
        for (String u : usernames) hashes.add(hash(account, u));
        DiscoveryStore.Admission a = store.admit(account, hashes, day, maxNewPerDay);
        if (a.admitted()) return Optional.empty();
        Instant nextDay = LocalDate.ofEpochDay(day + 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Optional.of(new Refusal(a.fresh(), Math.max(0, maxNewPerDay - a.usedToday()), Duration.between(now, nextDay)));
    }

    /** The cap, for messages. */
    public int maxNewPerDay() { return maxNewPerDay; }

    /** SHA-256 of the account and the number, 128 bits of it: the same number hashes apart for every account. */
    static String hash(String account, String username) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((account + "\n" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(d, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** About once an hour, on the caller's (blocking) thread: forget what was not looked up for rememberDays. */
    private void purgeNowAndThen(Instant now, long day) {
        long last = lastPurge.get();
        if (last != Long.MIN_VALUE && now.toEpochMilli() - last < PURGE_EVERY_MILLIS) return;
        if (lastPurge.compareAndSet(last, now.toEpochMilli())) store.purge(day - rememberDays);
    }
}
