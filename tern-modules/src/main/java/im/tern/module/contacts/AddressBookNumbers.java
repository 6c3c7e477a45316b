package im.tern.module.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers from an address book, in any format, made E.164 by libphonenumber. Only numbers that could have
 * signed up (valid, and mobile or possibly mobile) come out: the others can have no account, so they are
 * neither looked up nor counted against the daily cap.
 */
final class AddressBookNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;

    private AddressBookNumbers() {}

    /** The region code in upper case when libphonenumber knows it, else null. */
    static String region(String code) {
        if (code == null) return null;
        String r = code.trim().toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(r) ? r : null;
    }

    /** The region of an account's own number (its local part is the E.164 digits), or null when it has none. */
    static String regionOf(String username) {
        if (username.isEmpty() || username.length() > 15 || !username.chars().allMatch(Character::isDigit)) return null;
        try {
            return region(UTIL.getRegionCodeForNumber(UTIL.parse("+" + username, "ZZ")));
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The number in E.164 ({@code +447400123456}) read with {@code region} for local formats; empty when it cannot be an account. */
    static Optional<String> e164(String given, String region) {
        if (given == null || given.length() > MAX_INPUT) return Optional.empty();
        PhoneNumber number;
        try {
            number = UTIL.parse(given, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!UTIL.isValidNumber(number)) return Optional.empty();
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) return Optional.empty();
        return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    }
}
