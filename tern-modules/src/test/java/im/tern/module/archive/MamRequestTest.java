package im.tern.module.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MamRequestTest {
    static final String NS = ArchiveModule.NAMESPACE;
    static final String X = "jabber:x:data";
    static final String RSM = "http://jabber.org/protocol/rsm";

    static Element field(String var, String... values) {
        Element.Builder f = Element.builder("field", X).attr("var", var);
        for (String v : values) f.child(Element.builder("value", X).text(v).build());
        return f.build();
    }

    static Element query(Element form, Element set) {
        return Element.builder("query", NS).attr("queryid", "q1").child(form).child(set).build();
    }

    static Element form(Element... fields) {
        Element.Builder x = Element.builder("x", X).attr("type", "submit").child(field("FORM_TYPE", NS));
        for (Element f : fields) x.child(f);
        return x.build();
    }

    static Element set(String max, String after, String before) {
        Element.Builder s = Element.builder("set", RSM);
        if (max != null) s.child(Element.builder("max", RSM).text(max).build());
        if (after != null) s.child(Element.builder("after", RSM).text(after).build());
        if (before != null) s.child(Element.builder("before", RSM).text(before).build());
        return s.build();
    }

    @Test
    void anEmptyQueryAsksForTheFirstPageOfEverything() throws Exception {
        MamRequest r = MamRequest.parse(Element.empty("query", NS));
        assertThat(r.max()).isEqualTo(MamRequest.DEFAULT_MAX);
        assertThat(r.with()).isNull();
        assertThat(r.after()).isNull();
        assertThat(r.before()).isNull();
        assertThat(r.queryId()).isNull();
    }

    @Test
    void filtersAndPagingAreRead() throws Exception {
        MamRequest r = MamRequest.parse(query(form(field("with", "Juliet@Capulet.lit"), field("start", "2010-06-07T00:00:00Z"),
                field("end", "2010-07-07T13:23:54+02:00"), field("after-id", "a"), field("before-id", "b"), field("ids", "x", "y")),
                set("10", null, "")));
        assertThat(r.queryId()).isEqualTo("q1");
        assertThat(r.with().toString()).isEqualTo("juliet@capulet.lit");
        assertThat(r.start()).isEqualTo(Instant.parse("2010-06-07T00:00:00Z"));
        assertThat(r.end()).isEqualTo(Instant.parse("2010-07-07T11:23:54Z"));
        assertThat(r.afterId()).isEqualTo("a");
        assertThat(r.beforeId()).isEqualTo("b");
        assertThat(r.ids()).isEqualTo(List.of("x", "y"));
        assertThat(r.max()).isEqualTo(10);
        assertThat(r.before()).isEqualTo("");
    }

    @Test
    void maxIsCappedByTheServer() throws Exception {
        assertThat(MamRequest.parse(query(null, set("100000", null, null))).max()).isEqualTo(MamRequest.MAX_MAX);
    }

    @Test
    void unknownFieldsAreNotImplemented() {
        assertThatThrownBy(() -> MamRequest.parse(query(form(field("include-groupchat", "true")), null)))
                .isInstanceOfSatisfying(QueryRefused.class, e -> assertThat(e.error()).isEqualTo(StanzaError.FEATURE_NOT_IMPLEMENTED));
    }

    @Test
    void badValuesAreBadRequests() {
        for (Element q : new Element[] {
            query(form(field("start", "yesterday")), null),
            query(null, set("ten", null, null)),
            query(null, set("-1", null, null)),
            query(null, set("5", "a", "b")),
            query(Element.builder("x", X).child(field("FORM_TYPE", "urn:xmpp:mam:1")).build(), null),
        }) {
            assertThatThrownBy(() -> MamRequest.parse(q)).as(q.toXml())
                    .isInstanceOfSatisfying(QueryRefused.class, e -> assertThat(e.error()).isEqualTo(StanzaError.BAD_REQUEST));
        }
    }

    @Test
    void flipPageIsRead() throws Exception {
        Element q = Element.builder("query", NS).child(Element.empty("flip-page", NS)).build();
        assertThat(MamRequest.parse(q).flip()).isTrue();
    }
}
