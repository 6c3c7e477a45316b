package im.tern.module.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.module.api.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "+447400123456,    -,  +447400123456",
            "07400 123456,     GB, +447400123456",
            "07400 123456,     gb, +447400123456",
            "+44 (0)7400-123456, -, +447400123456",
            "(415) 555-0123,   US, +14155550123",
            "06 12 34 56 78,   FR, +33612345678"})
    void numbersInAnyUsualFormatBecomeE164(String typed, String region, String e164) {
        assertThat(PhoneNumbers.e164(typed, region)).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "07400 123456,     -,  no valid country code",
            "hello,            -,  not a phone number",
            "+4412,            -,  not a possible number (too short)",
            "+44740012345678901, -, not a possible number (too long)",
            "+447700900123,    -,  not a number in use",
            "+442079460000,    -,  fixed-line number and cannot receive SMS",
            "+448001234567,    -,  toll-free number",
            "+447400123456,    XX, not a supported ISO 3166 region"})
    void impossibleInvalidAndNonMobileNumbersAre422(String typed, String region, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.e164(typed, region)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(422);
            assertThat(e.problem().name()).isEqualTo("invalid-phone");
            assertThat(e.problem().detail()).contains(reason);
        });
    }
}
