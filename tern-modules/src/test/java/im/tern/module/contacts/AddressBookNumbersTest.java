package im.tern.module.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBookNumbersTest {
    @Test
    void localAndInternationalFormatsBecomeE164() {
        assertThat(AddressBookNumbers.e164("07400 123456", "GB")).contains("+447400123456");
        assertThat(AddressBookNumbers.e164("+44 (0) 7400-123456", null)).contains("+447400123456");
        assertThat(AddressBookNumbers.e164("011 44 7400 123456", "US")).contains("+447400123456"); // the US's international prefix
        assertThat(AddressBookNumbers.e164("00 44 7400 123456", "DE")).contains("+447400123456");
        assertThat(AddressBookNumbers.e164("06 12 34 56 78", "FR")).contains("+33612345678");
        assertThat(AddressBookNumbers.e164("(201) 555-0123", "US")).contains("+12015550123"); // fixed line or mobile
    }

    @Test
    void whatCannotBeAnAccountComesOutEmpty() {
        assertThat(AddressBookNumbers.e164("07400 123456", null)).as("local without a region").isEmpty();
        assertThat(AddressBookNumbers.e164("020 7946 0000", "GB")).as("landline").isEmpty();
        assertThat(AddressBookNumbers.e164("0800 123 4567", "GB")).as("toll-free").isEmpty();
        assertThat(AddressBookNumbers.e164("Mum", "GB")).isEmpty();
        assertThat(AddressBookNumbers.e164("1".repeat(65), "GB")).isEmpty();
        assertThat(AddressBookNumbers.e164("", "GB")).isEmpty();
        assertThat(AddressBookNumbers.e164(null, "GB")).isEmpty();
    }

    @Test
    void regionsAreCheckedAndAnAccountsOwnRegionIsItsNumbers() {
        assertThat(AddressBookNumbers.region("gb")).isEqualTo("GB");
        assertThat(AddressBookNumbers.region("XX")).isNull();
        assertThat(AddressBookNumbers.regionOf("447400123456")).isEqualTo("GB");
        assertThat(AddressBookNumbers.regionOf("33612345678")).isEqualTo("FR");
        assertThat(AddressBookNumbers.regionOf("alice")).isNull();
        assertThat(AddressBookNumbers.regionOf("")).isNull();
    }

    @Test
    void aNumbersHashIsSaltedWithTheAccount() {
        assertThat(NumberLookups.hash("447400123456", "447400123457")).hasSize(22)
                .isEqualTo(NumberLookups.hash("447400123456", "447400123457"))
                .isNotEqualTo(NumberLookups.hash("447400123458", "447400123457"));
    }
}
