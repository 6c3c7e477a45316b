package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RestrictedXmlFactoryTest {

    @Test
    void sharedFactoryIsRenewedOnceReadersHaveMergedTheNameBudget() throws Exception {
        Object before = RestrictedXmlFactory.current();
        StringBuilder sb = new StringBuilder("<a xmlns='urn:x'>");
        for (int i = 0; i < 1000; i++) sb.append("<n").append(i).append(" a").append(i).append("='v'/>");
        byte[] stanza = sb.append("</a>").toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= RestrictedXmlFactory.NAME_BUDGET / 2000 + 1; i++) {
            ElementParser.parse(stanza, new XmlLimits(1 << 20, 8, 8));
        }
        assertThat(RestrictedXmlFactory.current()).isNotSameAs(before);
    }
}
