package im.tern.store;

import java.util.Optional;

/** Each account's display name and "about" text; what others may see of them is the privacy settings' business. */
public interface ProfileStore {
    /** A profile; either part may be null (never set). */
    record Profile(String displayName, String about) {
        public static final Profile EMPTY = new Profile(null, null);
    }

    Optional<Profile> get(String username);

    /** Stores or replaces the profile. */
    void put(String username, Profile profile);

    void deleteAll(String username);
}
