package im.tern.module.upload;

/**
 * One byte range of a file (RFC 9110 section 14): {@code bytes=first-last}, {@code bytes=first-} or the suffix
 * {@code bytes=-n}. Several ranges, other units or bad syntax are ignored (the whole file is served), as the
 * RFC allows; a well-formed range that lies outside the file is unsatisfiable (416).
 */
record ByteRange(long first, long last) {
    /** A parsed Range header: none (serve everything), a range, or unsatisfiable. */
    sealed interface Outcome permits Whole, Part, Unsatisfiable {}

    record Whole() implements Outcome {}

    record Part(ByteRange range) implements Outcome {}

    record Unsatisfiable() implements Outcome {}

    long length() { return last - first + 1; }

    String contentRange(long size) { return "bytes " + first + "-" + last + "/" + size; }

    static Outcome parse(String header, long size) {
        if (header == null) return new Whole();
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return new Whole();
        String spec = h.substring(6).strip();
        if (spec.contains(",")) return new Whole();
        int dash = spec.indexOf('-');
        if (dash < 0) return new Whole();
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        try {
            if (a.isEmpty()) { // suffix: the last n bytes
                if (b.isEmpty()) return new Whole();
                long n = parseDigits(b);
                if (n == 0 || size == 0) return new Unsatisfiable();
                return new Part(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long first = parseDigits(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : parseDigits(b);
            if (last < first) return new Whole(); // invalid: ignored
            if (first >= size) return new Unsatisfiable();
            return new Part(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }

    private static long parseDigits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) throw new NumberFormatException(s);
        return s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
    }
}
