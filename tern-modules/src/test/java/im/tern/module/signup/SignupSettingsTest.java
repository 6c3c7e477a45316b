package im.tern.module.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignupSettingsTest {
    @Test
    void resendCooldownDoublesWithEachCodeUpToTheMaximum() {
        SignupSettings s = SignupSettings.defaults();
        assertThat(s.cooldownAfter(0)).isEqualTo(Duration.ZERO);
        assertThat(s.cooldownAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.cooldownAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.cooldownAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.cooldownAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(s.cooldownAfter(1000)).isEqualTo(Duration.ofHours(1));
    }
}
