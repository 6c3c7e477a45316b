package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Between stanzas the parser lets go of its Aalto reader; parsing carries on as if it never had. */
class IdleReleaseTest {
    static final String HEADER = "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' "
            + "xmlns:db='jabber:server:dialback' xml:lang='en' version='1.0'>";

    final Recorder recorder = new Recorder();
    final StreamParser parser = new StreamParser(XmlLimits.DEFAULT, recorder);

    @Test
    void readerIsReleasedOnceAStanzaEndsAndAllInputIsConsumed() throws Exception {
        feed(HEADER);
        assertThat(parser.isReleased()).as("after the header").isTrue();
        feed("<presence/>\n ");
        assertThat(parser.isReleased()).as("after a stanza and whitespace").isTrue();
    }

    @Test
    void readerIsKeptWhileAStanzaOrATagIsUnfinished() throws Exception {
        feed(HEADER + "<message><body>hel");
        assertThat(parser.isReleased()).isFalse();
        feed("lo</body></message><presence a='>");
        assertThat(parser.isReleased()).as("a start tag is half read").isFalse();
        feed("'/>");
        assertThat(parser.isReleased()).isTrue();
        assertThat(recorder.elements()).hasSize(2);
        assertThat(recorder.elements().get(1).attr("a")).isEqualTo(">");
    }

    @Test
    void parsingAcrossReleasePointsMatchesParsingInOneGo() throws Exception {
        String[] stanzas = {
            "<db:result from='a.im' to='b.im'>key</db:result>",
            "<message xmlns='jabber:client' to='x@b.im'><body>one</body></message>",
            "<iq type='get' id='1'><ping xmlns='urn:xmpp:ping'/></iq>",
            "<db:verify id='v' from='a.im' to='b.im'>k2</db:verify>",
            "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
        };
        feed(HEADER);
        int released = 0;
        for (String s : stanzas) {
            feed(s);
            if (parser.isReleased()) released++;
        }
        feed("</stream:stream>");

        assertThat(released).isEqualTo(stanzas.length);
        assertThat(recorder.events).isEqualTo(Recorder.parseWhole(HEADER + String.join("", stanzas) + "</stream:stream>").events);
        Element result = recorder.elements().get(0);
        assertThat(result.is("result", "jabber:server:dialback")).isTrue();
        assertThat(recorder.elements().get(2).is("iq", "jabber:server")).isTrue();
    }

    @Test
    void stanzaLimitStillAppliesAfterARelease() throws Exception {
        StreamParser small = new StreamParser(new XmlLimits(100, 8, 8), recorder);
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        small.feed(header, 0, header.length);
        byte[] big = ("<message><body>" + "y".repeat(100) + "</body></message>").getBytes(StandardCharsets.UTF_8);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(XmlStreamException.class,
                () -> small.feed(big, 0, big.length)).condition()).isEqualTo("policy-violation");
    }

    private void feed(String s) throws XmlStreamException {
        StreamParserTest.feed(parser, s);
    }
}
