package im.tern.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadThrottleTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstWithinOneSecondOfRatePassesUntouched() {
        ReadThrottle t = new ReadThrottle(1000, 0);
        assertThat(t.consume(1000, 0)).isZero();
    }

    @Test
    void overdrawnBucketPausesForTheTimeItTakesToRefill() {
        ReadThrottle t = new ReadThrottle(1000, 0);
        assertThat(t.consume(1500, 0)).isEqualTo(SECOND / 2);
        assertThat(t.consume(0, SECOND / 2)).isZero();
    }

    @Test
    void aDeepDeficitIsPaidOffBeforeNewBurstsPass() {
        ReadThrottle t = new ReadThrottle(1000, 0);
        t.consume(4000, 0); // 3000 in debt: three seconds
        assertThat(t.consume(1, 2 * SECOND)).isPositive();
    }

    @Test
    void longSilenceRefillsWithoutOverflow() {
        ReadThrottle t = new ReadThrottle(1_000_000, 0);
        t.consume(1_000_000, 0);
        assertThat(t.consume(1_000_000, 100_000 * SECOND)).isZero();
    }
}
