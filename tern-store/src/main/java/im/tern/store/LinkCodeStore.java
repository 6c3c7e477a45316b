package im.tern.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Short-lived single-use codes with which a new device links itself to an account. A code keeps a hash of its
 * secret part, never the secret; its attempts are counted here so that no number of concurrent guesses gets
 * past the limit. Instants come from the caller's clock.
 */
public interface LinkCodeStore {
    enum Status { OPEN, USED, DEAD }

    /** One code of {@code username}'s, with the wrong attempts made at it so far. */
    record LinkCode(String id, String username, byte[] secretHash, Instant created, Instant expires, int attempts,
                    Status status) {
        public LinkCode {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
            secretHash = secretHash.clone();
            Objects.requireNonNull(status, "status");
        }

        @Override
        public byte[] secretHash() { return secretHash.clone(); }

        /** A fresh code: no attempts yet, open. */
        public static LinkCode fresh(String id, String username, byte[] secretHash, Instant created, Instant expires) {
            return new LinkCode(id, username, secretHash, created, expires, 0, Status.OPEN);
        }
    }

    /** Stores a fresh code; the account's earlier open codes become {@link Status#DEAD}: one code works at a time. */
    void open(LinkCode code);

    Optional<LinkCode> get(String id);

    /**
     * Counts one attempt at the code, atomically, when it is open, unexpired at {@code now} and has had fewer
     * than {@code maxAttempts}. Returns this attempt's number (1 for the first), or 0 when it was not counted:
     * only a counted attempt may compare the secret.
     */
    int attempt(String id, Instant now, int maxAttempts);

    /** Marks the code used; true for the one caller that found it open. */
    boolean use(String id);

    /** Forgets every code of the account (re-registration, deletion); returns how many. */
    int deleteAll(String username);

    /** Forgets codes made before {@code before}; returns how many. */
    int purge(Instant before);
}
