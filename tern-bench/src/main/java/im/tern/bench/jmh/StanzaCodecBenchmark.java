package im.tern.bench.jmh;

import im.tern.bench.xml.TolerantStreamScanner;
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import im.tern.xml.StreamParser;
import im.tern.xml.XmlLimits;
import im.tern.xml.XmlStreamException;
import im.tern.xml.XmlWriter;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and serialise throughput of a typical one-to-one chat stanza (body, receipt request,
 * chat state, origin id) with tern-xml: {@link StreamParser} fed one stanza per call on an open
 * stream, and {@link XmlWriter}. Run: {@code java -cp tern-bench/target/tern-bench.jar
 * org.openjdk.jmh.Main StanzaCodec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StanzaCodecBenchmark {
    static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " to='example.com' version='1.0'>";
    static final String STANZA = "<message to='bob@example.com' from='alice@example.com/phone' type='chat'"
            + " id='5b1c8a2e-9d7f-4a63-8c1e-2f0d3b6a9e41' xml:lang='en'><body>Are we still on for lunch at 12:30? \uD83C\uDF2E</body>"
            + "<request xmlns='urn:xmpp:receipts'/><active xmlns='http://jabber.org/protocol/chatstates'/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='5b1c8a2e-9d7f-4a63-8c1e-2f0d3b6a9e41'/></message>";

    private final byte[] stanza = STANZA.getBytes(StandardCharsets.UTF_8);
    private final StringBuilder out = new StringBuilder(512);
    private StreamParser parser;
    private TolerantStreamScanner tolerant;
    private Element last;
    private Element message;

    @Setup
    public void open() throws XmlStreamException {
        StreamListener listener = new StreamListener() {
            @Override public void onStreamOpen(StreamHeader header) { }
            @Override public void onElement(Element element) { last = element; }
            @Override public void onStreamClose() { }
        };
        parser = new StreamParser(XmlLimits.DEFAULT, listener);
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        parser.feed(header, 0, header.length);
        parser.feed(stanza, 0, stanza.length);
        message = last;
        tolerant = new TolerantStreamScanner(listener, XmlLimits.DEFAULT.maxStanzaBytes());
        tolerant.feed(Unpooled.wrappedBuffer(header));
    }

    @Benchmark
    public Element parse() throws XmlStreamException {
        parser.feed(stanza, 0, stanza.length);
        return last;
    }

    /** The load generator's lighter splitter ({@code --xml tolerant}) on the same bytes, for comparison. */
    @Benchmark
    public Element parseTolerant() throws XmlStreamException {
        tolerant.feed(Unpooled.wrappedBuffer(stanza));
        return last;
    }

    @Benchmark
    public int serialise() {
        out.setLength(0);
        XmlWriter.write(message, out, "jabber:client");
        return out.length();
    }

    @Benchmark
    public int parseAndSerialise() throws XmlStreamException {
        parser.feed(stanza, 0, stanza.length);
        out.setLength(0);
        XmlWriter.write(last, out, "jabber:client");
        return out.length();
    }
}
