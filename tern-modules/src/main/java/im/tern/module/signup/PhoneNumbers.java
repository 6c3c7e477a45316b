package im.tern.module.signup;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import im.tern.module.api.Problem;
import im.tern.module.api.Problem.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * A number as typed, with an optional region for local formats, made E.164 by libphonenumber; refused
 * with 422 {@code invalid-phone} when it cannot be a number, is not valid, or cannot receive SMS (only
 * MOBILE and FIXED_LINE_OR_MOBILE can).
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;

    private PhoneNumbers() {}

    /** The number in E.164 ({@code +447400123456}), or a {@link im.tern.module.api.ProblemException}. */
    static String e164(String phone, String region) {
        String r = region == null ? null : region.trim().toUpperCase(Locale.ROOT);
        if (r != null && !UTIL.getSupportedRegions().contains(r)) {
            throw invalid("region", "not a supported ISO 3166 region code: " + region, "unknown region").exception();
        }
        if (phone.length() > MAX_INPUT) throw invalid("phone", "longer than " + MAX_INPUT + " characters", "too long").exception();
        PhoneNumber number;
        try {
            number = UTIL.parse(phone, r == null ? "ZZ" : r);
        } catch (NumberParseException e) {
            throw invalid("phone", reason(e.getErrorType()), "not a phone number").exception();
        }
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            throw invalid("phone", e164 + " is not a possible number (" + possible.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")",
                    "impossible number").exception();
        }
        if (!UTIL.isValidNumber(number)) {
            throw invalid("phone", e164 + " is not a number in use in any numbering plan", "invalid number").exception();
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            throw invalid("phone", e164 + " is a " + type.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " number and cannot receive SMS; use a mobile number", "not a mobile number").exception();
        }
        return e164;
    }

    private static String reason(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "no valid country code: start with + and the country code, or give region";
            case NOT_A_NUMBER -> "not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short to be a phone number";
            case TOO_LONG -> "too long to be a phone number";
        };
    }

    private static Problem invalid(String field, String message, String what) {
        return Problem.of(422, "invalid-phone", "Invalid phone number", field + ": " + what + ": " + message)
                .withErrors(List.of(new FieldError(field, message)));
    }
}
