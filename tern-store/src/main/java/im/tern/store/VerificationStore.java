package im.tern.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Codes sent by SMS to prove a phone number (sign-up). A verification keeps a hash of its code, never the
 * code; its attempts are counted here so that no number of concurrent guesses gets past the limit.
 * Instants come from the caller's clock.
 */
public interface VerificationStore {
    enum Status { OPEN, USED, DEAD }

    /** One code sent to {@code phone} (E.164), with the wrong attempts made at it so far. */
    record Verification(String id, String phone, byte[] codeHash, Instant created, Instant expires, int attempts,
                        Status status) {
        public Verification {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(phone, "phone");
            codeHash = codeHash.clone();
            Objects.requireNonNull(status, "status");
        }

        @Override
        public byte[] codeHash() { return codeHash.clone(); }

        /** A fresh verification: no attempts yet, open. */
        public static Verification fresh(String id, String phone, byte[] codeHash, Instant created, Instant expires) {
            return new Verification(id, phone, codeHash, created, expires, 0, Status.OPEN);
        }
    }

    /** The codes sent to a number since some instant: how many, and when the latest (null when none). */
    record Series(int count, Instant latest) {}

    /** The verifications opened for {@code phone} since {@code since}, whatever became of them. */
    Series recent(String phone, Instant since);

    /**
     * Opens the verification, unless the number's series has changed since the caller read it: with the
     * number's row locked, opens it only when exactly {@code expectedCount} verifications were opened since
     * {@code since}. Earlier open verifications of the number become {@link Status#DEAD}. False when it raced.
     */
    boolean open(Verification verification, Instant since, int expectedCount);

    Optional<Verification> get(String id);

    /**
     * Counts one attempt at the code, atomically, when the verification is open, unexpired at {@code now}
     * and has had fewer than {@code maxAttempts}. Returns this attempt's number (1 for the first), or 0 when
     * it was not counted: only a counted attempt may compare the code.
     */
    int attempt(String id, Instant now, int maxAttempts);

    /** Gives back a counted attempt whose code was right (a PIN stopped the sign-up, not the code). */
    void refund(String id);

    /** Marks the verification used; true for the one caller that found it open. */
    boolean use(String id);

    /** Removes a verification whose code could not be sent: it neither works nor counts towards a series. */
    void cancel(String id);

    /** Forgets verifications opened before {@code before}, and numbers with none left; returns how many. */
    int purge(Instant before);

    /** Forgets every verification of the number and the number itself (its account was deleted); returns how many. */
    int forget(String phone);
}
