package im.tern.server.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginBackoffTest {
    private final AtomicLong clock = new AtomicLong(1);
    private final LoginBackoff backoff = new LoginBackoff(3, Duration.ofNanos(1000), clock::get);

    @Test
    void blocksAnAddressAndAUserAfterTheLimitUntilTheWindowEnds() {
        for (int i = 0; i < 2; i++) backoff.failed("10.0.0.1", "alice");
        assertThat(backoff.addressBlocked("10.0.0.1")).isFalse();
        backoff.failed("10.0.0.1", "alice");
        assertThat(backoff.addressBlocked("10.0.0.1")).isTrue();
        assertThat(backoff.userBlocked("alice")).isTrue();
        assertThat(backoff.addressBlocked("10.0.0.2")).isFalse();
        assertThat(backoff.userBlocked("bob")).isFalse();

        clock.addAndGet(1000);
        assertThat(backoff.addressBlocked("10.0.0.1")).isFalse();
        assertThat(backoff.userBlocked("alice")).isFalse();
    }

    @Test
    void failuresFromManyAddressesStillBlockTheUser() {
        for (int i = 0; i < 3; i++) backoff.failed("10.0.0." + i, "alice");
        assertThat(backoff.userBlocked("alice")).isTrue();
        assertThat(backoff.addressBlocked("10.0.0.1")).isFalse();
    }

    @Test
    void sweepForgetsEndedWindows() {
        backoff.failed("10.0.0.1", null);
        clock.addAndGet(5000);
        backoff.sweep();
        backoff.failed("10.0.0.1", null);
        backoff.failed("10.0.0.1", null);
        assertThat(backoff.addressBlocked("10.0.0.1")).isFalse();
    }
}
