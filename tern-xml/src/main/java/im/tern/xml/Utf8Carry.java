package im.tern.xml;

/**
 * Holds back a multi-byte UTF-8 character cut off at the end of a feed until its last byte arrives, so
 * Aalto only ever sees whole characters: its async scanner drops a 4-byte character from an attribute
 * value when the input is split right after the lead byte. Works on input already checked by
 * {@link Utf8Validator}.
 */
final class Utf8Carry {
    private final byte[] bytes = new byte[4];
    private int length;

    boolean pending() { return length > 0; }

    byte[] bytes() { return bytes; }

    int length() { return length; }

    void clear() { length = 0; }

    /** Takes the bytes that finish the held character from b[off, end); returns how many it took. */
    int complete(byte[] b, int off, int end) {
        int take = Math.min(sizeOf(bytes[0]) - length, end - off);
        System.arraycopy(b, off, bytes, length, take);
        length += take;
        return take;
    }

    /** True once the held character is whole. */
    boolean whole() { return length > 0 && length == sizeOf(bytes[0]); }

    /** Moves an unfinished character at the end of b[from, end) into the carry; returns its length. */
    int holdTail(byte[] b, int from, int end) {
        for (int i = end - 1, n = 1; i >= from && n <= 3; i--, n++) {
            int c = b[i] & 0xFF;
            if (c < 0x80) return 0;
            if (c >= 0xC0) {
                if (sizeOf(b[i]) <= n) return 0;
                System.arraycopy(b, i, bytes, 0, n);
                length = n;
                return n;
            }
        }
        return 0;
    }

    /** The largest index at or before {@code at} that does not fall inside a character (at == limit is fine). */
    static int charBoundaryAtOrBefore(byte[] b, int at, int limit) {
        while (at < limit && (b[at] & 0xC0) == 0x80) at--;
        return at;
    }

    private static int sizeOf(byte lead) {
        int c = lead & 0xFF;
        return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
}
