package im.tern.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the bytes of one XMPP stream, fed as they arrive, into a stream header, whole first-level
 * elements and a stream close, on Aalto's non-blocking StAX reader. Not thread-safe: feed it from one
 * thread (a connection's event loop).
 *
 * <p>Memory: a live Aalto reader holds several KiB (more after a large stanza grew its buffers). Between
 * stanzas, once everything fed has been consumed, the reader is released (its buffers go back to Aalto's
 * per-thread recycler); the next feed starts a new one primed with a copy of the stream's opening tag, so
 * an idle connection holds only a few hundred bytes here ({@code IdleParserMemoryProbe} measures it). While a stanza is open, what is held is bounded by {@code maxStanzaBytes}
 * plus one {@link #SLICE}.
 *
 * <p>After any {@link XmlStreamException} the parser is dead and every later feed throws it again.
 */
public final class StreamParser {
    /** Bytes handed to Aalto at a time, so limits are checked before a large feed is all buffered. */
    static final int SLICE = 8192;
    /** Bound on everything before and including the stream's opening tag. */
    static final int MAX_HEADER_BYTES = 8192;
    private static final ThreadLocal<byte[]> DIRECT_COPY = ThreadLocal.withInitial(() -> new byte[SLICE]);

    private final XmlLimits limits;
    private final StreamListener listener;
    private final ElementAssembler assembler;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final PrologGuard prolog = new PrologGuard();
    private final Utf8Carry carry = new Utf8Carry();
    private final boolean releaseWhenIdle;

    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private byte[] reopenTag; // the stream's opening tag once read; the header itself is not kept
    private int level;        // 0 before the root's start tag, 1 between stanzas, 2+ inside one
    private long fed;         // bytes given to the current reader, the primer included
    private long settled;     // offset (in the current reader) where the last event at level 1 ended
    private int sliceOff;     // array offset of the slice being parsed: Aalto's offsets include it
    private boolean ended;    // the peer closed the stream
    private boolean closed;   // close() was called
    private boolean feeding;  // inside feed(): a reset() from a listener is deferred to a safe point
    private boolean restartRequested;
    private XmlStreamException failure;

    public StreamParser(XmlLimits limits, StreamListener listener) {
        this(limits, listener, true);
    }

    /** With {@code releaseWhenIdle} false the reader is kept for the stream's life: for measuring only. */
    StreamParser(XmlLimits limits, StreamListener listener, boolean releaseWhenIdle) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.assembler = new ElementAssembler(limits);
        this.releaseWhenIdle = releaseWhenIdle;
    }

    public void feed(byte[] b, int off, int len) throws XmlStreamException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!ready()) return;
        feeding = true;
        try {
            utf8.check(b, off, len);
            int end = off + len;
            if (carry.pending()) {
                off += carry.complete(b, off, end);
                if (!carry.whole()) return;
                parseSlice(carry.bytes(), 0, carry.length());
                carry.clear();
            }
            int limit = end - carry.holdTail(b, off, end);
            while (off < limit && !ended) {
                int sliceEnd = Utf8Carry.charBoundaryAtOrBefore(b, Math.min(off + SLICE, limit), limit);
                off = parseSlice(b, off, sliceEnd - off);
            }
            releaseIfIdle();
        } catch (XmlStreamException e) {
            throw die(e);
        } catch (XMLStreamException e) {
            throw die(Refusals.forStax(e));
        } catch (RuntimeException e) {
            die(new XmlStreamException("internal-server-error", String.valueOf(e.getMessage()), e));
            throw e;
        } finally {
            feeding = false;
        }
    }

    /** Consumes the buffer's remaining bytes and moves its position to its limit. */
    public void feed(ByteBuffer buf) throws XmlStreamException {
        if (buf.hasArray()) {
            int len = buf.remaining();
            feed(buf.array(), buf.arrayOffset() + buf.position(), len);
            buf.position(buf.limit());
            return;
        }
        // Taken out while in use, so a listener feeding another parser on this thread gets its own.
        byte[] copy = DIRECT_COPY.get();
        DIRECT_COPY.remove();
        try {
            while (buf.hasRemaining()) {
                int n = Math.min(copy.length, buf.remaining());
                buf.get(copy, 0, n);
                feed(copy, 0, n);
            }
        } finally {
            DIRECT_COPY.set(copy);
        }
    }

    /**
     * Starts over for a new stream (after STARTTLS or SASL success): the next bytes must open it, and may
     * begin with an XML declaration. Called from a listener callback, it takes effect when the callback
     * returns, and the rest of the bytes being fed begin the new stream. A failed or closed parser stays so.
     */
    public void reset() {
        if (feeding) {
            restartRequested = true;
            return;
        }
        startOver();
        utf8.reset();
        carry.clear();
    }

    private void startOver() {
        dropReader();
        reopenTag = null;
        level = 0;
        ended = false;
        restartRequested = false;
        prolog.reset();
        assembler.clear();
    }

    /** Releases what the parser holds; later feeds are ignored. */
    public void close() {
        dropReader();
        assembler.clear();
        closed = true;
    }

    /** True while no Aalto reader is held: the parser is idle between stanzas (for tests and probes). */
    boolean isReleased() { return reader == null; }

    private boolean ready() throws XmlStreamException {
        if (failure != null) throw failure;
        return !ended && !closed;
    }

    /** Parses b[off, off + len); returns where parsing stopped: the end, or where a new stream begins. */
    private int parseSlice(byte[] b, int off, int len) throws XmlStreamException, XMLStreamException {
        if (reopenTag == null) prolog.scan(b, off, len);
        if (reader == null) startReader();
        reader.getInputFeeder().feedInput(b, off, len);
        sliceOff = off;
        fed += len;
        drain();
        if (restartRequested) {
            int newStreamAt = (int) (off + len - (fed - settled));
            startOver();
            return newStreamAt;
        }
        if (ended) return off + len;
        long pending = fed - settled;
        if (level == 0 && pending > MAX_HEADER_BYTES) throw Refusals.policy("stream header over " + MAX_HEADER_BYTES + " bytes");
        if (pending > limits.maxStanzaBytes()) throw stanzaTooLarge();
        return off + len;
    }

    private XmlStreamException stanzaTooLarge() {
        return Refusals.policy("stanza over " + limits.maxStanzaBytes() + " bytes");
    }

    private void drain() throws XmlStreamException, XMLStreamException {
        int event;
        while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (level == 0) {
                        level++;
                        openStream();
                        if (restartRequested) return;
                    } else {
                        assembler.start(reader);
                        level++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--level == 0) {
                        closeStream();
                        return;
                    }
                    Element e = assembler.end();
                    if (level == 1) {
                        long start = settled;
                        settle();
                        if (settled - start > limits.maxStanzaBytes()) throw stanzaTooLarge();
                        listener.onElement(e);
                        if (restartRequested) return;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (level >= 2) assembler.text(reader);
                    else if (level == 1) betweenStanzas();
                }
                case XMLStreamConstants.START_DOCUMENT, XMLStreamConstants.END_DOCUMENT -> { }
                default -> {
                    XmlStreamException refused = Refusals.forEvent(event);
                    if (refused != null) throw refused;
                }
            }
        }
    }

    private void openStream() throws XmlStreamException, XMLStreamException {
        assembler.noteNames(1 + reader.getAttributeCount() + reader.getNamespaceCount());
        StreamRoot root = StreamRoot.of(reader);
        reopenTag = root.reopenTag();
        settle();
        listener.onStreamOpen(root.header());
    }

    private void closeStream() throws XmlStreamException, XMLStreamException {
        ended = true;
        settle();
        dropReader();
        listener.onStreamClose();
    }

    /** Whitespace between stanzas is a keep-alive; any other text there is not XMPP. */
    private void betweenStanzas() throws XmlStreamException, XMLStreamException {
        char[] chars = reader.getTextCharacters();
        for (int i = reader.getTextStart(), end = i + reader.getTextLength(); i < end; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                throw new XmlStreamException("bad-format", "text between stanzas");
            }
        }
        settle();
    }

    /** Marks that everything up to the end of the current event has been dealt with. */
    private void settle() throws XMLStreamException {
        settled = reader.getLocationInfo().getEndingByteOffset() - sliceOff;
    }

    private void releaseIfIdle() {
        if (releaseWhenIdle && reader != null && level == 1 && settled == fed && !carry.pending()) {
            dropReader();
            assembler.clear();
        }
    }

    /** A new reader; after a release, primed with the stream's opening tag so parsing resumes at level 1. */
    private void startReader() throws XmlStreamException, XMLStreamException {
        reader = RestrictedXmlFactory.newReader();
        fed = 0;
        settled = 0;
        if (reopenTag == null) return;
        reader.getInputFeeder().feedInput(reopenTag, 0, reopenTag.length);
        fed = reopenTag.length;
        int event;
        while ((event = reader.next()) != XMLStreamConstants.START_ELEMENT) {
            if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) throw new IllegalStateException("reopen tag incomplete");
        }
        settled = fed;
    }

    private void dropReader() {
        if (reader == null) return;
        RestrictedXmlFactory.close(reader, assembler.takeNames());
        reader = null;
    }

    private XmlStreamException die(XmlStreamException e) {
        failure = e;
        dropReader();
        assembler.clear();
        return e;
    }
}
