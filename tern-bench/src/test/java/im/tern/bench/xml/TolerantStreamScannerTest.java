package im.tern.bench.xml;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TolerantStreamScannerTest {
    private static final String STREAM = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s1' version='1.0'>"
            + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-256</mechanism>"
            + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>\n "
            + "<message from='a@example.com/r' to='b@example.com/r' type='chat'><body>caf\u00e9 &lt;3 &amp; <![CDATA[<raw>]]></body></message>"
            + "<!-- a comment --><presence from='a@example.com/r'/>"
            + "</stream:stream>";

    private final List<Object> events = new ArrayList<>();
    private final StreamListener recorder = new StreamListener() {
        @Override public void onStreamOpen(StreamHeader header) { events.add(header); }
        @Override public void onElement(Element element) { events.add(element); }
        @Override public void onStreamClose() { events.add("close"); }
    };

    @Test
    void splitsAStreamIntoHeaderElementsAndClose() throws Exception {
        new TolerantStreamScanner(recorder, 65536).feed(Unpooled.wrappedBuffer(STREAM.getBytes(StandardCharsets.UTF_8)));

        assertStreamRead();
    }

    @Test
    void readsTheSameWhenFedOneByteAtATimeEvenMidCharacter() throws Exception {
        TolerantStreamScanner scanner = new TolerantStreamScanner(recorder, 65536);
        for (byte b : STREAM.getBytes(StandardCharsets.UTF_8)) scanner.feed(Unpooled.wrappedBuffer(new byte[] {b}));

        assertStreamRead();
    }

    @Test
    void forgetsBufferedBytesOnReset() throws Exception {
        TolerantStreamScanner scanner = new TolerantStreamScanner(recorder, 65536);
        scanner.feed(Unpooled.copiedBuffer(STREAM.substring(0, 250), StandardCharsets.UTF_8));
        scanner.reset();
        events.clear();
        scanner.feed(Unpooled.copiedBuffer(STREAM, StandardCharsets.UTF_8));

        assertStreamRead();
    }

    private void assertStreamRead() {
        assertThat(events).hasSize(5);
        StreamHeader header = (StreamHeader) events.get(0);
        assertThat(header.name()).isEqualTo("stream");
        assertThat(header.namespace()).isEqualTo("http://etherx.jabber.org/streams");
        assertThat(header.attr("id")).isEqualTo("s1");

        Element features = (Element) events.get(1);
        assertThat(features.is("features", "http://etherx.jabber.org/streams")).isTrue();
        assertThat(features.child("mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl").elements())
                .extracting(Element::text).containsExactly("SCRAM-SHA-256", "PLAIN");

        Element message = (Element) events.get(2);
        assertThat(message.is("message", "jabber:client")).isTrue();
        assertThat(message.attr("type")).isEqualTo("chat");
        assertThat(message.childText("body", "jabber:client")).isEqualTo("caf\u00e9 <3 & <raw>");

        assertThat(((Element) events.get(3)).is("presence", "jabber:client")).isTrue();
        assertThat(events.get(4)).isEqualTo("close");
    }
}
