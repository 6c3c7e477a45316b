package im.tern.store;

/** Each account's privacy settings; an account that never set one has {@link PrivacySettings#DEFAULTS}. */
public interface PrivacyStore {
    PrivacySettings get(String username);

    /** Stores or replaces every setting. */
    void put(String username, PrivacySettings settings);

    void deleteAll(String username);
}
