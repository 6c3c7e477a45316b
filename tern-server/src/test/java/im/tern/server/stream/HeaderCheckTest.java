package im.tern.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.xml.StreamHeader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderCheckTest {
    private static final Jid DOMAIN = Jid.of("tern.test");
    private static final String STREAMS = "http://etherx.jabber.org/streams";

    private static StreamHeader header(String ns, String contentNs, String to, String version) {
        Map<String, String> attrs = new HashMap<>();
        if (to != null) attrs.put("to", to);
        if (version != null) attrs.put("version", version);
        return new StreamHeader("stream", ns, contentNs, attrs);
    }

    @Test
    void acceptsAProperClientHeaderWhateverTheCaseOfTheDomain() {
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", "Tern.Test", "1.0"), DOMAIN)).isNull();
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", "tern.test", "1.1"), DOMAIN)).isNull();
    }

    @Test
    void namesTheStreamErrorForEachFault() {
        assertThat(HeaderCheck.problem(header("urn:x", "jabber:client", "tern.test", "1.0"), DOMAIN)).isEqualTo("invalid-namespace");
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:server", "tern.test", "1.0"), DOMAIN)).isEqualTo("invalid-namespace");
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", "other.test", "1.0"), DOMAIN)).isEqualTo("host-unknown");
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", null, "1.0"), DOMAIN)).isEqualTo("host-unknown");
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", "tern.test", null), DOMAIN)).isEqualTo("unsupported-version");
        assertThat(HeaderCheck.problem(header(STREAMS, "jabber:client", "tern.test", "2.0"), DOMAIN)).isEqualTo("unsupported-version");
    }
}
