package im.tern.module.profile;

/**
 * What a display name or "about" text may hold: at most so many characters, none of them control characters
 * or code points XML cannot carry (the texts also travel in vCards).
 */
final class ProfileText {
    private ProfileText() {}

    /** Why the text is refused, or null when it is fine. */
    static String fault(String text, int maxChars) {
        int count = text.codePointCount(0, text.length());
        if (count > maxChars) return "longer than " + maxChars + " characters (" + count + ")";
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp)) return "must not hold control characters (line breaks included)";
            if (Character.getType(cp) == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF) {
                return "holds a code point that is not a character";
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
