package im.tern.module.pep;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.xml.Element;
import org.junit.jupiter.api.Test;

/** The verification string against the examples of XEP-0115 sections 5.2 and 5.3. */
class CapsVerTest {
    static final String INFO = CapsVer.DISCO_INFO;

    static Element identity(String lang, String name) {
        return Element.builder("identity", INFO).attr("xml:lang", lang).attr("category", "client").attr("name", name).attr("type", "pc").build();
    }

    static Element feature(String var) {
        return Element.builder("feature", INFO).attr("var", var).build();
    }

    static Element.Builder features(Element.Builder q) {
        return q.child(feature("http://jabber.org/protocol/caps")).child(feature("http://jabber.org/protocol/disco#info"))
                .child(feature("http://jabber.org/protocol/disco#items")).child(feature("http://jabber.org/protocol/muc"));
    }

    static Element field(String var, String... values) {
        Element.Builder f = Element.builder("field", PubSub.FORMS).attr("var", var);
        if (var.equals("FORM_TYPE")) f.attr("type", "hidden");
        for (String v : values) f.child(Element.builder("value", PubSub.FORMS).text(v).build());
        return f.build();
    }

    @Test
    void simpleExample() {
        Element q = features(Element.builder("query", INFO).child(identity(null, "Exodus 0.9.1"))).build();
        assertThat(CapsVer.of(q, "sha-1")).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void complexExampleWithLanguagesAndAForm() {
        Element form = Element.builder("x", PubSub.FORMS).attr("type", "result")
                .child(field("FORM_TYPE", "urn:xmpp:dataforms:softwareinfo"))
                .child(field("ip_version", "ipv6", "ipv4")).child(field("os", "Mac")).child(field("os_version", "10.5.1"))
                .child(field("software", "Psi")).child(field("software_version", "0.11")).build();
        Element q = features(Element.builder("query", INFO).child(identity("en", "Psi 0.11")).child(identity("el", "Ψ 0.11")))
                .child(form).build();
        assertThat(CapsVer.of(q, "sha-1")).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void duplicateFeaturesAndUnknownHashesAreNotTrusted() {
        Element q = Element.builder("query", INFO).child(identity(null, "x")).child(feature("a")).child(feature("a")).build();
        assertThat(CapsVer.of(q, "sha-1")).isNull();
        assertThat(CapsVer.of(Element.builder("query", INFO).child(feature("a")).build(), "md4")).isNull();
    }
}
