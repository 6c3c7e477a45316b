package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tern.module.upload.UploadSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code upload} section: the documented sample is what the code defaults to; URLs follow the port and TLS. */
class UploadConfigTest {
    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = SignupConfigTest.YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);
        assertThat(SignupConfigTest.YAML.<JsonNode>valueToTree(sample.upload))
                .isEqualTo(SignupConfigTest.YAML.<JsonNode>valueToTree(new UploadConfig()));
    }

    @Test
    void settingsComeFromTheSectionWithUrlsOnTheHttpPort() {
        TernConfig config = new TernConfig();
        config.domain = "example.com";
        config.data = Path.of("/var/lib/tern");
        UploadSettings s = config.upload.settings(config, () -> 5280);
        assertThat(s.maxFileBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(s.fileTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(s.slotTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.directory()).isEqualTo(Path.of("/var/lib/tern/uploads"));
        assertThat(s.baseUrl().get()).isEqualTo("https://example.com:5280");
        config.http.tls = false;
        assertThat(config.upload.settings(config, () -> 8080).baseUrl().get()).isEqualTo("http://example.com:8080");
        config.upload.publicUrl = "https://files.example.com/";
        assertThat(config.upload.settings(config, () -> 8080).baseUrl().get()).isEqualTo("https://files.example.com");
    }
}
