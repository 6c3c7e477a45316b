package im.tern.store;

import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Devices linked to an account, each with a token of its own kept as SCRAM keys on the account's salts
 * (docs/decisions/0011-linked-device-credentials.md). Keyed by the account's localpart, as the other stores.
 */
public interface DeviceStore {
    /** A linked device as listed: its id, the name it gave itself, when it was linked. Never its secrets. */
    record Device(String id, String name, Instant created) {
        public Device {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(created, "created");
        }
    }

    /** What became of {@link #add}. */
    enum Linking {
        LINKED,
        /** The account has the most devices allowed already. */
        FULL,
        /** There is no such account. */
        NO_ACCOUNT,
        /** The account's salts are no longer those the credentials were derived on (its credentials were replaced). */
        STALE
    }

    /**
     * Everything a login checks, in one read: the account's own credentials and every linked device's (on the
     * account's salts); empty when there is no such account.
     */
    Optional<AccountCredentials> credentials(String username);

    /** The account's linked devices, oldest first. */
    List<Device> list(String username);

    /**
     * Links a device whose credentials were derived on the account's salts and iteration counts. With the
     * account's row locked, so concurrent links cannot pass {@code max} and a concurrent credential change is
     * seen: stores nothing unless the answer is {@link Linking#LINKED}.
     */
    Linking add(String username, Device device, Credentials credentials, int max);

    /** Unlinks the device; false when the account has no such device. */
    boolean revoke(String username, String deviceId);

    /** Unlinks every device of the account (re-registration, deletion); returns how many. */
    int revokeAll(String username);
}
