package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PrivacyStore} backend must do; subclasses say which backend. */
public abstract class PrivacyStoreContract {
    private Database database;
    protected PrivacyStore privacy;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        privacy = database.store(PrivacyStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAccountThatSetNothingHasTheDefaults() {
        assertThat(privacy.get("alice")).isEqualTo(PrivacySettings.DEFAULTS);
        for (Setting s : Setting.values()) assertThat(PrivacySettings.DEFAULTS.get(s)).isEqualTo(Audience.EVERYONE);
    }

    @Test
    void settingsAreStoredReplacedAndReadBackAtOnce() {
        privacy.get("alice"); // cached as the defaults
        PrivacySettings set = PrivacySettings.of(Map.of(Setting.LAST_SEEN, Audience.CONTACTS, Setting.ABOUT, Audience.NOBODY));
        privacy.put("alice", set);
        assertThat(privacy.get("alice")).isEqualTo(set);
        assertThat(privacy.get("alice").get(Setting.ONLINE)).isEqualTo(Audience.EVERYONE);

        PrivacySettings changed = set.with(Setting.LAST_SEEN, Audience.EVERYONE).with(Setting.GROUP_ADD, Audience.CONTACTS);
        privacy.put("alice", changed);
        assertThat(privacy.get("alice")).isEqualTo(changed);
        assertThat(privacy.get("bob")).isEqualTo(PrivacySettings.DEFAULTS);
    }

    @Test
    void deletingTheAccountsSettingsBringsBackTheDefaults() {
        privacy.put("alice", PrivacySettings.DEFAULTS.with(Setting.ONLINE, Audience.NOBODY));
        privacy.put("bob", PrivacySettings.DEFAULTS.with(Setting.ONLINE, Audience.NOBODY));
        privacy.deleteAll("alice");
        assertThat(privacy.get("alice")).isEqualTo(PrivacySettings.DEFAULTS);
        assertThat(privacy.get("bob").get(Setting.ONLINE)).isEqualTo(Audience.NOBODY);
    }
}
