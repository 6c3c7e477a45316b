package im.tern.module.sms;

import java.util.Objects;

/** One text message: the destination in E.164 ({@code +447400123456}), the code it carries, and its whole text. */
public record Sms(String to, String code, String text) {
    public Sms {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (!to.matches("\\+[1-9][0-9]{1,14}")) throw new IllegalArgumentException("not an E.164 number: " + to);
    }

    /** The destination's digits without the plus, as SMPP and many providers want them. */
    public String toDigits() { return to.substring(1); }

    @Override
    public String toString() { return "Sms[to=" + to + "]"; } // never the code in logs by accident
}
