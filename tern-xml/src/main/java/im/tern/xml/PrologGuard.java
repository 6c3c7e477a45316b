package im.tern.xml;

/**
 * Refuses {@code <!} before the root element: a DOCTYPE or a comment, both barred by RFC 6120 section 11.1.
 * Aalto without DTD support fails on an internal subset with a generic syntax error, so this guard
 * names the real fault (restricted-xml) before Aalto sees the bytes. It stops at the root's start tag.
 */
final class PrologGuard {
    private boolean afterLt;
    private boolean done;

    void scan(byte[] b, int off, int len) throws XmlStreamException {
        for (int i = off, end = off + len; i < end && !done; i++) {
            byte c = b[i];
            if (afterLt) {
                if (c == '!') throw new XmlStreamException("restricted-xml", "DTDs and comments are not allowed");
                if (c != '?') done = true;
            }
            afterLt = c == '<';
        }
    }

    void reset() {
        afterLt = false;
        done = false;
    }
}
