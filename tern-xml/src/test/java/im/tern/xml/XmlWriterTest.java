package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    static final String STREAMS = "http://etherx.jabber.org/streams";

    @Test
    void streamHeaderIsAnOpenTagWithDeclarationsAndEscapedAttributes() throws Exception {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("id", "a'b&c");
        attrs.put("from", "tern.im");
        attrs.put("version", "1.0");
        attrs.put("xml:lang", "en");
        String header = XmlWriter.streamHeader(new StreamHeader("stream", STREAMS, "jabber:client", attrs));

        assertThat(header).isEqualTo("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='" + STREAMS
                + "' id='a&apos;b&amp;c' from='tern.im' version='1.0' xml:lang='en'>");
        Recorder r = Recorder.parseWhole(header);
        assertThat(r.events).containsExactly(new StreamHeader("stream", STREAMS, "jabber:client", attrs));
    }

    @Test
    void stanzaInsideTheStreamNamespaceCarriesNoXmlns() {
        Element m = Element.builder("message", "jabber:client").attr("to", "a@b")
                .child(Element.builder("body", "jabber:client").text("\u00e9").build()).build();
        assertThat(new String(XmlWriter.toUtf8(m, "jabber:client"), StandardCharsets.UTF_8))
                .isEqualTo("<message to=\"a@b\"><body>\u00e9</body></message>");
    }

    @Test
    void charactersXmlCannotCarryAreReplacedSoThePeerStreamSurvives() throws Exception {
        Element e = Element.builder("body", "jabber:client").attr("a", "x\u0000y\uD800")
                .text("nul\u0000 bell\u0007 ffff\uFFFF lone\uDC00 pair\uD83D\uDE00").build();
        Element back = ElementParser.parse(XmlWriter.toUtf8(e, null), XmlLimits.DEFAULT);
        assertThat(back.text()).isEqualTo("nul\uFFFD bell\uFFFD ffff\uFFFD lone\uFFFD pair\uD83D\uDE00");
        assertThat(back.attr("a")).isEqualTo("x\uFFFDy\uFFFD");
    }

    @Test
    void builderChildrenMergeAdjacentTextAsTheParserDoes() {
        Element built = Element.builder("a", "").children(java.util.List.of("x", "", "y")).build();
        assertThat(built.children()).containsExactly("xy");
        assertThat(Element.empty("a", "").withChildren(java.util.List.of("p", "q"))).isEqualTo(built.withChildren(java.util.List.of("pq")));
    }
}
