package im.tern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Namespaces;
import im.tern.xml.Element;
import im.tern.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramingTest {
    static String standalone(Element e) {
        return new String(Framing.standalone(XmlWriter.toUtf8(e, Namespaces.CLIENT)), StandardCharsets.UTF_8);
    }

    @Test
    void stanzaSharedBetweenStreamsGainsTheClientNamespace() {
        assertThat(standalone(Element.builder("message", Namespaces.CLIENT).attr("to", "a@b").textChild("body", "hi").build()))
                .isEqualTo("<message xmlns=\"jabber:client\" to=\"a@b\"><body>hi</body></message>");
        assertThat(standalone(Element.empty("presence", Namespaces.CLIENT))).isEqualTo("<presence xmlns=\"jabber:client\"/>");
    }

    @Test
    void elementThatDeclaresItsOwnNamespaceIsLeftAlone() {
        assertThat(standalone(Element.empty("r", "urn:xmpp:sm:3"))).isEqualTo("<r xmlns=\"urn:xmpp:sm:3\"/>");
    }

    @Test
    void openCarriesTheFramingNamespaceAndEscapesItsAttributes() {
        assertThat(Framing.open("id1", "tern.test", "a'b@tern.test"))
                .isEqualTo("<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" from=\"tern.test\" to=\"a&apos;b@tern.test\""
                        + " id=\"id1\" version=\"1.0\" xml:lang=\"en\"/>");
    }

    @Test
    void clientsOpenBecomesAStreamHeaderWithItsLanguage() {
        Element open = Element.builder("open", Namespaces.FRAMING).attr("to", "tern.test").attr("version", "1.0")
                .attr("{" + Namespaces.XML + "}lang", "de").build();
        var header = Framing.header(open);
        assertThat(header.attr("to")).isEqualTo("tern.test");
        assertThat(header.attr("xml:lang")).isEqualTo("de");
        assertThat(header.defaultNamespace()).isEqualTo(Namespaces.CLIENT);
    }
}
