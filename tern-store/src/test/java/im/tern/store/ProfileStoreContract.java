package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.ProfileStore.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProfileStore} backend must do; subclasses say which backend. */
public abstract class ProfileStoreContract {
    private Database database;
    protected ProfileStore profiles;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        profiles = database.store(ProfileStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void profileIsStoredReplacedAndDeletedWithTheAccount() {
        assertThat(profiles.get("447400123456")).isEmpty();
        profiles.put("447400123456", new Profile("Alice", "At the gym 🏋️"));
        profiles.put("447400123457", new Profile("Bob", null));
        assertThat(profiles.get("447400123456")).contains(new Profile("Alice", "At the gym 🏋️"));

        profiles.put("447400123456", new Profile(null, "x".repeat(5000)));
        assertThat(profiles.get("447400123456")).contains(new Profile(null, "x".repeat(5000)));

        profiles.deleteAll("447400123456");
        assertThat(profiles.get("447400123456")).isEmpty();
        assertThat(profiles.get("447400123457")).contains(new Profile("Bob", null));
    }
}
