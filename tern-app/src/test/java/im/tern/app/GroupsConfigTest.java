package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import im.tern.module.muc.MucSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code groups} section: the documented sample is what the code defaults to, and bad values stop the start. */
class GroupsConfigTest {
    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = SignupConfigTest.YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);
        assertThat(sample.groups.settings()).isEqualTo(new TernConfig.Groups().settings());
        assertThat(new TernConfig.Groups().settings()).isEqualTo(MucSettings.DEFAULTS);
        assertThat(SignupConfigTest.YAML.<JsonNode>valueToTree(sample.groups))
                .isEqualTo(SignupConfigTest.YAML.<JsonNode>valueToTree(new TernConfig.Groups()));
    }

    @Test
    void badLimitsAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> new MucSettings("groups", 0, 1, 20, 100)).hasMessageContaining("groups.maxMembers");
        assertThatThrownBy(() -> new MucSettings("groups", 10, 0, 20, 100)).hasMessageContaining("groups.maxRoomsPerOwner");
        assertThatThrownBy(() -> new MucSettings("groups", 10, 1, 200, 100)).hasMessageContaining("groups.historyMessages");
        assertThatThrownBy(() -> new MucSettings("a/b", 10, 1, 20, 100)).hasMessageContaining("groups.subdomain");
    }
}
