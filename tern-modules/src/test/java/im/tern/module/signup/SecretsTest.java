package im.tern.module.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void codesAreSixDigitsAndTokensCarry256Bits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) codes.add(Secrets.code());
        assertThat(codes).allMatch(c -> c.matches("[0-9]{6}")).hasSizeGreaterThan(190);
        assertThat(Secrets.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Secrets.verificationId()).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void aCodeMatchesOnlyItsOwnVerification() {
        byte[] hash = Secrets.codeHash("v1", "123456");
        assertThat(Secrets.codeMatches("v1", "123456", hash)).isTrue();
        assertThat(Secrets.codeMatches("v1", "123457", hash)).isFalse();
        assertThat(Secrets.codeMatches("v2", "123456", hash)).isFalse();
    }

    @Test
    void pinsAreStoredSaltedAndMatchOnlyThemselves() {
        String a = PinHash.hash("1234");
        assertThat(a).startsWith("pbkdf2-sha256$" + PinHash.ITERATIONS + "$").doesNotContain("1234$");
        assertThat(PinHash.hash("1234")).isNotEqualTo(a);
        assertThat(PinHash.matches("1234", a)).isTrue();
        assertThat(PinHash.matches("12345", a)).isFalse();
        assertThat(PinHash.matches("1234", "garbage")).isFalse();
    }

    @Test
    void addressesCountPerIpv4AddressAndPerIpv6Slash64() {
        assertThat(AbuseLimits.addressKey("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AbuseLimits.addressKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AbuseLimits.addressKey("2001:db8:1:2:bbbb::9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AbuseLimits.addressKey("")).isEqualTo("unknown");
    }
}
