package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresExtensionTest {
    @Test
    void reachableServerRunsTheTests() {
        assertThat(PostgresExtension.decide(null, false).isDisabled()).isFalse();
    }

    @Test
    void unreachableServerSkipsWithTheReasonOutsideCi() {
        var result = PostgresExtension.decide("PostgreSQL is not reachable at jdbc:postgresql://db/test", false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(r -> assertThat(r).contains("not reachable", "CI=true"));
    }

    @Test
    void unreachableServerUnderCiRunsSoThatTheClassFails() {
        assertThat(PostgresExtension.decide("PostgreSQL is not reachable", true).isDisabled()).isFalse();
    }
}
