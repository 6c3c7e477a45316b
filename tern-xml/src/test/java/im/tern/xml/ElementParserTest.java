package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ElementParserTest {
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";

    @Test
    void parsesAWebSocketOpenFrame() throws Exception {
        Element open = parse("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='tern.im' version='1.0'/>");
        assertThat(open).isEqualTo(Element.builder("open", FRAMING).attr("to", "tern.im").attr("version", "1.0").build());
    }

    @Test
    void roundTripOfTrickyContentIsExact() throws Exception {
        Element e = Element.builder("message", "jabber:client")
                .attr("id", "<&>\"' tab\there\r\nline")
                .attr("xml:lang", "fr")
                .attr("{urn:x}mark", "a&b")
                .text("  lead <b>&amp;</b> \"quoted\" 'single' ]]> cr\r lf\n tab\t \uD83D\uDE00 ")
                .child(Element.builder("x", "urn:x").attr("k", "v").text("inner").build())
                .text("tail")
                .child(Element.builder("y", "").build())
                .build();
        assertThat(parse(e.toXml())).isEqualTo(e);
        byte[] bytes = XmlWriter.toUtf8(e, null);
        assertThat(ElementParser.parse(bytes, XmlLimits.DEFAULT)).isEqualTo(e);
    }

    @Test
    void adjacentTextAndCdataAreCoalesced() throws Exception {
        Element e = parse("<body xmlns='jabber:client'>a&amp;<![CDATA[<b>]]>c&#x1F600;</body>");
        assertThat(e.children()).containsExactly("a&<b>c\uD83D\uDE00");
    }

    @Test
    void aSecondElementOrTrailingTextIsNotWellFormed() {
        assertThatThrownBy(() -> parse("<a/><b/>")).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
        assertThatThrownBy(() -> parse("<a/>text")).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
        assertThatThrownBy(() -> parse("<a>")).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(XmlStreamException.class,
                e -> assertThat(e.condition()).isEqualTo("not-well-formed"));
    }

    @Test
    void refusesAFrameLargerThanTheStanzaLimit() {
        assertThatThrownBy(() -> ElementParser.parse(("<a>" + "x".repeat(100) + "</a>").getBytes(StandardCharsets.UTF_8),
                new XmlLimits(50, 8, 8)))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("policy-violation"));
    }

    @Test
    void refusesADoctypeBeforeTheElement() {
        assertThatThrownBy(() -> parse("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"))
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo("restricted-xml"));
    }

    static Element parse(String xml) throws XmlStreamException {
        return ElementParser.parse(xml.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
    }
}
