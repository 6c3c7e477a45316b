package im.tern.bench.xml;

import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import im.tern.xml.XmlStreamException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small incremental splitter for the load generator: finds the stream header and the boundaries
 * of each first-level element by scanning markup, then reads each whole element with
 * {@link ElementReader}. It trusts the server (no DTD handling, no well-formedness proof) and keeps
 * only the bytes of the element in progress. Tern's own parser is {@code im.tern.xml.StreamParser}.
 */
public final class TolerantStreamScanner implements XmlInput {
    private final StreamListener listener;
    private final int maxElementBytes;
    private byte[] buf = new byte[1024];
    private int len;
    private int pos;
    private int depth;
    private int elementStart;
    private boolean streamOpen;
    private Namespaces scope = Namespaces.CLIENT;
    private int resets;

    public TolerantStreamScanner(StreamListener listener, int maxElementBytes) {
        this.listener = listener;
        this.maxElementBytes = maxElementBytes;
    }

    @Override
    public void feed(ByteBuf in) throws XmlStreamException {
        int n = in.readableBytes();
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        in.readBytes(buf, len, n);
        len += n;
        scan();
    }

    @Override
    public void reset() {
        len = 0;
        pos = 0;
        depth = 0;
        streamOpen = false;
        scope = Namespaces.CLIENT;
        resets++;
        if (buf.length > 4096) buf = new byte[1024];
    }

    private void scan() throws XmlStreamException {
        int generation = resets;
        while (pos < len) {
            if (buf[pos] != '<') {
                pos++;
                continue;
            }
            int end = markupEnd(pos);
            if (end < 0) break;
            byte next = buf[pos + 1];
            if (next == '?' || next == '!') {
                pos = end;
            } else if (next == '/') {
                pos = end;
                if (depth == 0) {
                    listener.onStreamClose();
                    if (generation != resets) return;
                } else if (--depth == 0) {
                    emit(elementStart, end);
                    if (generation != resets) return;
                }
            } else if (!streamOpen) {
                String tag = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
                pos = end;
                streamOpen = true;
                StreamHeader header = ElementReader.header(tag);
                scope = Namespaces.of(header);
                listener.onStreamOpen(header);
                if (generation != resets) return;
            } else {
                if (depth == 0) elementStart = pos;
                boolean selfClosing = buf[end - 2] == '/';
                pos = end;
                if (!selfClosing) depth++;
                else if (depth == 0) {
                    emit(elementStart, end);
                    if (generation != resets) return;
                }
            }
        }
        compact();
    }

    private void emit(int start, int end) throws XmlStreamException {
        String xml = new String(buf, start, end - start, StandardCharsets.UTF_8);
        listener.onElement(ElementReader.read(xml, scope));
    }

    private void compact() throws XmlStreamException {
        int keep = depth > 0 ? elementStart : pos;
        if (len - keep > maxElementBytes) throw new XmlStreamException("policy-violation", "element over " + maxElementBytes + " bytes");
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, len - keep);
            len -= keep;
            pos -= keep;
            elementStart -= keep;
        }
    }

    /** Index just past the markup starting at {@code at}, or -1 if it has not fully arrived. */
    private int markupEnd(int at) {
        if (at + 1 >= len) return -1;
        byte next = buf[at + 1];
        if (next == '?') return find("?>", at + 2);
        if (next == '!') {
            if (startsWith("<!--", at)) return find("-->", at + 4);
            if (startsWith("<![CDATA[", at)) return find("]]>", at + 9);
            if (len - at < 9) return -1;
        }
        byte quote = 0;
        for (int i = at + 1; i < len; i++) {
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) quote = 0;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private boolean startsWith(String s, int at) {
        if (len - at < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (buf[at + i] != s.charAt(i)) return false;
        return true;
    }

    private int find(String s, int from) {
        outer:
        for (int i = from; i + s.length() <= len; i++) {
            for (int j = 0; j < s.length(); j++) if (buf[i + j] != s.charAt(j)) continue outer;
            return i + s.length();
        }
        return -1;
    }
}
