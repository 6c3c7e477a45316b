package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** However the network cuts the bytes, mid-tag, mid-attribute or mid-character, the result is the same. */
class SplitInputTest {
    static final String STREAM = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='tern.im' version='1.0'>"
            + "<message to='j\u00fcrgen@tern.im' id='\uD83D\uDE00\u20ac' type='chat'>"
            + "<body>caf\u00e9 \u4e2d\u6587 \uD83D\uDC4D &lt;b&gt; &amp; &#x1F600;</body>"
            + "<x xmlns='urn:x' a='&quot;q&quot;'><![CDATA[<raw>]]></x></message>\n "
            + "<presence><status>\u00e0 bient\u00f4t</status></presence>"
            + "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
            + "</stream:stream>";
    static final byte[] BYTES = STREAM.getBytes(StandardCharsets.UTF_8);

    @Test
    void splittingAtEveryBytePositionGivesTheSameEvents() throws Exception {
        Recorder whole = Recorder.parseWhole(STREAM);
        assertThat(whole.events).hasSize(5);
        for (int cut = 1; cut < BYTES.length; cut++) {
            Recorder r = new Recorder();
            StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
            p.feed(BYTES, 0, cut);
            p.feed(BYTES, cut, BYTES.length - cut);
            assertThat(r.events).as("cut at %d", cut).isEqualTo(whole.events);
        }
    }

    @Test
    void feedingOneByteAtATimeGivesTheSameEvents() throws Exception {
        Recorder whole = Recorder.parseWhole(STREAM);
        for (int piece : new int[] {1, 2, 3, 7}) {
            assertThat(Recorder.parseInPieces(BYTES, piece).events).as("pieces of %d", piece).isEqualTo(whole.events);
        }
        Element message = whole.elements().get(0);
        assertThat(message.attr("id")).isEqualTo("\uD83D\uDE00\u20ac");
        assertThat(message.childText("body", "jabber:client")).isEqualTo("caf\u00e9 \u4e2d\u6587 \uD83D\uDC4D <b> & \uD83D\uDE00");
        assertThat(message.child("x", "urn:x").text()).isEqualTo("<raw>");
        assertThat(message.child("x", "urn:x").attr("a")).isEqualTo("\"q\"");
    }

    @Test
    void inputFromAnOffsetInsideALargerArrayIsRead() throws Exception {
        byte[] padded = new byte[BYTES.length + 20];
        System.arraycopy(BYTES, 0, padded, 10, BYTES.length);
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
        for (int i = 0; i < BYTES.length; i += 5) p.feed(padded, 10 + i, Math.min(5, BYTES.length - i));
        assertThat(r.events).isEqualTo(Recorder.parseWhole(STREAM).events);
    }

    @Test
    void randomlySizedPiecesOverManyStanzasGiveTheSameEvents() throws Exception {
        String body = STREAM.substring(0, STREAM.indexOf("<stream:error>"));
        String many = body + body.substring(body.indexOf("<message")).repeat(30) + "</stream:stream>";
        byte[] bytes = many.getBytes(StandardCharsets.UTF_8);
        Recorder whole = Recorder.parseWhole(many);
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 50; run++) {
            Recorder r = new Recorder();
            StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(1 + random.nextInt(40), bytes.length - i);
                p.feed(bytes, i, n);
                i += n;
            }
            assertThat(r.events).as("run %d", run).isEqualTo(whole.events);
        }
        assertThat(whole.elements()).hasSize(62);
    }
}
