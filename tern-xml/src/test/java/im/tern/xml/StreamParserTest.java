package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamParserTest {
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final String HEADER = "<?xml version='1.0'?><stream:stream to='tern.im' version='1.0' xml:lang='en' "
            + "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    @Test
    void typicalClientStreamYieldsHeaderElementsAndClose() throws Exception {
        Recorder r = Recorder.parseWhole(HEADER
                + "<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone</resource></bind></iq>"
                + "<message to='bob@tern.im' type='chat' id='m1'><body>hi &amp; bye</body></message>"
                + "</stream:stream>");

        assertThat(r.events).hasSize(4);
        StreamHeader h = (StreamHeader) r.events.get(0);
        assertThat(h.name()).isEqualTo("stream");
        assertThat(h.namespace()).isEqualTo(STREAMS);
        assertThat(h.defaultNamespace()).isEqualTo("jabber:client");
        assertThat(h.attributes()).containsExactly(
                java.util.Map.entry("to", "tern.im"), java.util.Map.entry("version", "1.0"), java.util.Map.entry("xml:lang", "en"));
        Element iq = (Element) r.events.get(1);
        assertThat(iq).isEqualTo(Element.builder("iq", "jabber:client").attr("type", "set").attr("id", "b1")
                .child(Element.builder("bind", "urn:ietf:params:xml:ns:xmpp-bind").textChild("resource", "phone").build())
                .build());
        Element message = (Element) r.events.get(2);
        assertThat(message.attr("to")).isEqualTo("bob@tern.im");
        assertThat(message.childText("body", "jabber:client")).isEqualTo("hi & bye");
        assertThat(r.events.get(3)).isEqualTo(Recorder.CLOSE);
    }

    @Test
    void prefixedStreamElementsComeOutInTheStreamsNamespace() throws Exception {
        Recorder r = Recorder.parseWhole(HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>");
        Element features = r.elements().get(0);
        assertThat(features.is("features", STREAMS)).isTrue();
        assertThat(features.child("starttls", "urn:ietf:params:xml:ns:xmpp-tls")).isNotNull();
    }

    @Test
    void namespacesResolveThroughDefaultsPrefixesAndNestedChanges() throws Exception {
        Recorder r = Recorder.parseWhole(HEADER + "<message xmlns:x='urn:x' x:flag='1' xml:lang='de'>"
                + "<x:a><b/><c xmlns='urn:c'><d/></c></x:a><e/></message>");
        Element m = r.elements().get(0);
        assertThat(m.attr("{urn:x}flag")).isEqualTo("1");
        assertThat(m.attr("xml:lang")).isEqualTo("de");
        assertThat(m.attrCount()).as("namespace declarations are not attributes").isEqualTo(2);
        Element a = m.child("a", "urn:x");
        assertThat(a.child("b", "jabber:client")).isNotNull();
        assertThat(a.child("c", "urn:c").child("d", "urn:c")).isNotNull();
        assertThat(m.child("e", "jabber:client")).isNotNull();
    }

    @Test
    void keepAliveWhitespaceBetweenStanzasIsIgnored() throws Exception {
        Recorder r = Recorder.parseWhole(HEADER + " \n\t\r\n<presence/>  \n <presence/>\n");
        assertThat(r.events).hasSize(3);
    }

    @Test
    void textBetweenStanzasIsBadFormat() {
        assertThatThrownBy(() -> Recorder.parseWhole(HEADER + "<presence/> hello"))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("bad-format"));
    }

    @Test
    void resetStartsANewStreamThatMayCarryADeclaration() throws Exception {
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
        feed(p, HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        p.reset();
        feed(p, HEADER.replace("tern.im", "other.im") + "<presence/>");

        assertThat(r.events).hasSize(4);
        assertThat(((StreamHeader) r.events.get(2)).attr("to")).isEqualTo("other.im");
        assertThat(((Element) r.events.get(3)).is("presence", "jabber:client")).isTrue();
    }

    @Test
    void resetFromAListenerStartsTheNewStreamWithTheRestOfTheFeed() throws Exception {
        String input = HEADER + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
                + HEADER.replace("tern.im", "again.im") + "<presence/>";
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (int piece : new int[] {bytes.length, 1, 5}) {
            Recorder r = new Recorder();
            StreamParser[] p = new StreamParser[1];
            p[0] = new StreamParser(XmlLimits.DEFAULT, new StreamListener() {
                @Override public void onStreamOpen(StreamHeader header) { r.onStreamOpen(header); }
                @Override public void onElement(Element element) {
                    r.onElement(element);
                    if (element.name().equals("auth")) p[0].reset();
                }
                @Override public void onStreamClose() { r.onStreamClose(); }
            });
            for (int i = 0; i < bytes.length; i += piece) p[0].feed(bytes, i, Math.min(piece, bytes.length - i));

            assertThat(r.events).as("pieces of %d", piece).hasSize(4);
            assertThat(((StreamHeader) r.events.get(2)).attr("to")).isEqualTo("again.im");
            assertThat(r.events.get(3)).isEqualTo(Element.empty("presence", "jabber:client"));
        }
    }

    @Test
    void resetDropsAHalfReadStanza() throws Exception {
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
        feed(p, HEADER + "<message><body>cut");
        p.reset();
        feed(p, HEADER + "<presence/>");
        assertThat(r.elements()).containsExactly(Element.empty("presence", "jabber:client"));
    }

    @Test
    void directAndHeapBuffersParseLikeArrays() throws Exception {
        byte[] bytes = (HEADER + "<message><body>\u00e9t\u00e9 \uD83D\uDE00</body></message>").getBytes(StandardCharsets.UTF_8);
        Recorder heap = new Recorder();
        ByteBuffer h = ByteBuffer.wrap(bytes);
        new StreamParser(XmlLimits.DEFAULT, heap).feed(h);
        Recorder direct = new Recorder();
        StreamParser d = new StreamParser(XmlLimits.DEFAULT, direct);
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        d.feed(buf.slice(0, 50));
        d.feed(buf.slice(50, bytes.length - 50));

        assertThat(h.hasRemaining()).isFalse();
        assertThat(heap.events).hasSize(2).isEqualTo(direct.events);
        assertThat(heap.elements().get(0).childText("body", "jabber:client")).isEqualTo("\u00e9t\u00e9 \uD83D\uDE00");
    }

    @Test
    void aFailedParserStaysDead() throws Exception {
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, new Recorder());
        feed(p, HEADER);
        assertThatThrownBy(() -> feed(p, "<a></b><c/>")).isInstanceOf(XmlStreamException.class);
        assertThatThrownBy(() -> feed(p, "<presence/>"))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
    }

    @Test
    void inputAfterTheStreamClosesOrCloseIsIgnored() throws Exception {
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
        feed(p, HEADER + "</stream:stream><presence/>");
        feed(p, "<presence/>");
        StreamParser q = new StreamParser(XmlLimits.DEFAULT, r);
        q.close();
        feed(q, HEADER);
        assertThat(r.events).hasSize(2);
    }

    @Test
    void listenerMayRefuseTheHeader() {
        StreamListener refusing = new StreamListener() {
            @Override public void onStreamOpen(StreamHeader header) throws XmlStreamException {
                throw new XmlStreamException("host-unknown", header.attr("to"));
            }
            @Override public void onElement(Element element) { }
            @Override public void onStreamClose() { }
        };
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, refusing);
        assertThatThrownBy(() -> feed(p, HEADER))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("host-unknown"));
    }

    static void feed(StreamParser p, String s) throws XmlStreamException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        p.feed(b, 0, b.length);
    }
}
