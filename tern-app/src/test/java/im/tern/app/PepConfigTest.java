package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.module.pep.PepSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code pep} section: the documented sample is what the code defaults to; nonsense is refused at start. */
class PepConfigTest {
    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = SignupConfigTest.YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);
        assertThat(sample.pep.settings()).isEqualTo(PepSettings.DEFAULTS).isEqualTo(new PepConfig().settings());
    }

    @Test
    void limitsAreReadAndZeroIsRefused() throws Exception {
        PepConfig c = SignupConfigTest.YAML.readValue("maxItemsPerNode: 10\nmaxAvatarBytes: 2048\n", PepConfig.class);
        assertThat(c.settings().maxItemsPerNode()).isEqualTo(10);
        assertThat(c.settings().maxAvatarBytes()).isEqualTo(2048);
        c.maxNodesPerAccount = 0;
        assertThatThrownBy(c::settings).hasMessageContaining("pep.maxNodesPerAccount");
    }
}
