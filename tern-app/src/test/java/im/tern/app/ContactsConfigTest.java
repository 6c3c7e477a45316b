package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import im.tern.module.contacts.ContactsSettings;
import im.tern.module.profile.ProfileSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code contacts} and {@code profile} sections: the documented sample is what the code defaults to. */
class ContactsConfigTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);
        assertThat(sample.contacts.settings()).isEqualTo(ContactsSettings.defaults()).isEqualTo(new ContactsConfig().settings());
        assertThat(sample.contacts.enabled).isTrue();
        assertThat(sample.profile.settings()).isEqualTo(ProfileSettings.defaults()).isEqualTo(new ProfileConfig().settings());
    }

    @Test
    void settingsAreReadAndNonsenseIsRefused() throws Exception {
        ContactsConfig c = YAML.readValue("{maxNumbers: 50, maxNewNumbersPerDay: 0}", ContactsConfig.class);
        assertThat(c.settings()).isEqualTo(new ContactsSettings(50, 0, 180, 128 * 1024));
        assertThatThrownBy(() -> YAML.readValue("{maxNumbers: 0}", ContactsConfig.class).settings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNumbers");
        assertThatThrownBy(() -> YAML.readValue("{maxAbout: 0}", ProfileConfig.class).settings())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
