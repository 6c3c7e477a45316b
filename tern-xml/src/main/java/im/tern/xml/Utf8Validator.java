package im.tern.xml;

/**
 * Checks that bytes are strict UTF-8 as they arrive, across feed boundaries. Aalto's async scanner
 * accepts overlong forms (C0 AF decodes to '/') and code points above U+10FFFF, so we check ourselves:
 * no overlongs, no surrogates, nothing past U+10FFFF, no stray continuation bytes (RFC 3629).
 */
final class Utf8Validator {
    private int pending;       // continuation bytes still expected
    private int lower = 0x80;  // bounds of the next continuation byte; the first one may be narrower
    private int upper = 0xBF;

    void check(byte[] b, int off, int len) throws XmlStreamException {
        int end = off + len;
        for (int i = off; i < end; i++) {
            int c = b[i];
            if (pending == 0) {
                if (c >= 0) continue;
                lead(c & 0xFF);
            } else {
                c &= 0xFF;
                if (c < lower || c > upper) throw invalid(c);
                lower = 0x80;
                upper = 0xBF;
                pending--;
            }
        }
    }

    /** True when no multi-byte character is cut off at the end of what was checked. */
    boolean atCharBoundary() { return pending == 0; }

    void reset() {
        pending = 0;
        lower = 0x80;
        upper = 0xBF;
    }

    private void lead(int c) throws XmlStreamException {
        if (c >= 0xC2 && c <= 0xDF) {
            pending = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            pending = 2;
            if (c == 0xE0) lower = 0xA0;       // overlong below U+0800
            else if (c == 0xED) upper = 0x9F;  // surrogates U+D800..U+DFFF
        } else if (c >= 0xF0 && c <= 0xF4) {
            pending = 3;
            if (c == 0xF0) lower = 0x90;       // overlong below U+10000
            else if (c == 0xF4) upper = 0x8F;  // above U+10FFFF
        } else {
            throw invalid(c);
        }
    }

    private static XmlStreamException invalid(int c) {
        return new XmlStreamException("not-well-formed", "invalid UTF-8 byte 0x" + Integer.toHexString(c));
    }
}
