package im.tern.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every attack and malformation is refused with its RFC 6120 condition, and nothing is expanded. */
class HostileInputTest {
    static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    static final XmlLimits SMALL = new XmlLimits(1024, 4, 3);

    static Stream<Arguments> inStream() {
        return Stream.of(
                refused("comment", "restricted-xml", HEADER, "<message><!-- hi --></message>"),
                refused("processing instruction", "restricted-xml", HEADER, "<message><?php echo 1?></message>"),
                refused("PI between stanzas", "restricted-xml", HEADER, "<?pi x?>"),
                refused("undefined entity in text", "restricted-xml", HEADER, "<message>&foo;</message>"),
                refused("undefined entity in attribute", "restricted-xml", HEADER, "<message id='&foo;'/>"),
                refused("unclosed tag", "not-well-formed", HEADER, "<message><body></message>"),
                refused("bare ampersand", "not-well-formed", HEADER, "<message>a & b</message>"),
                refused("character reference past U+10FFFF", "not-well-formed", HEADER, "<message>&#1114112;</message>"),
                refused("unterminated entity", "not-well-formed", HEADER, "<message>&amp</message>"),
                refused("mismatched tags", "not-well-formed", HEADER, "<message></presence><a/>"),
                refused("unquoted attribute", "not-well-formed", HEADER, "<message id=1/>"),
                refused("duplicate attribute", "not-well-formed", HEADER, "<message id='1' id='2'/>"),
                refused("unbound prefix", "not-well-formed", HEADER, "<x:message/>"),
                refused("control character", "not-well-formed", HEADER, "<message>\u0001</message>"),
                refused("text between stanzas", "bad-format", HEADER, "junk<presence/>"),
                refused("over-size stanza", "policy-violation", HEADER, "<message><body>" + "x".repeat(2000) + "</body></message>"),
                refused("over-size unfinished start tag", "policy-violation", HEADER, "<message id='" + "x".repeat(2000)),
                refused("over-deep nesting", "policy-violation", HEADER, "<a><b><c><d><e/></d></c></b></a>"),
                refused("too many attributes", "policy-violation", HEADER, "<message a='1' b='2' c='3' d='4'/>"),
                refused("too many namespace declarations", "policy-violation", HEADER,
                        "<message xmlns:a='a' xmlns:b='b' xmlns:c='c' xmlns:d='d'/>"),
                refused("over-size header", "policy-violation",
                        "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' to='" + "x".repeat(9000) + "'>", ""),
                refused("UTF-16 declaration", "unsupported-encoding", "<?xml version='1.0' encoding='UTF-16'?>" + HEADER, ""));
    }

    static Stream<Arguments> beforeRoot() {
        return Stream.of(
                refused("internal DTD", "restricted-xml", "<!DOCTYPE stream:stream [<!ELEMENT a ANY>]>" + HEADER, ""),
                refused("external DTD", "restricted-xml", "<!DOCTYPE stream:stream SYSTEM 'http://evil/x.dtd'>" + HEADER, ""),
                refused("internal entity declaration", "restricted-xml",
                        "<?xml version='1.0'?><!DOCTYPE s [<!ENTITY e 'boom'>]>" + HEADER, "<message>&e;</message>"),
                refused("billion laughs", "restricted-xml", "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                        + "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                        + "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>]>" + HEADER, "<message>&lol2;</message>"),
                refused("XXE", "restricted-xml", "<!DOCTYPE s [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>" + HEADER, "<message>&xxe;</message>"),
                refused("comment before header", "restricted-xml", "<!-- hi -->" + HEADER, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"inStream", "beforeRoot"})
    void streamRefusesWholeInput(String what, String condition, String header, String body) {
        byte[] b = (header + body).getBytes(StandardCharsets.UTF_8);
        Recorder r = new Recorder();
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class,
                () -> new StreamParser(SMALL, r).feed(b, 0, b.length));
        assertThat(e).as(what).isNotNull();
        assertThat(e.condition()).as(what + ": " + e.getMessage()).isEqualTo(condition);
        assertThat(r.elements()).as("nothing of the attack is delivered").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"inStream", "beforeRoot"})
    void streamRefusesInputFedOneByteAtATime(String what, String condition, String header, String body) {
        byte[] b = (header + body).getBytes(StandardCharsets.UTF_8);
        StreamParser p = new StreamParser(SMALL, new Recorder());
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class, () -> {
            for (int i = 0; i < b.length; i++) p.feed(b, i, 1);
        });
        assertThat(e).as(what).isNotNull();
        assertThat(e.condition()).as(what + ": " + e.getMessage()).isEqualTo(condition);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inStream")
    void standaloneElementParserRefusesTheSameStanzas(String what, String condition, String header, String body) {
        if (body.isEmpty() || condition.equals("bad-format") || what.startsWith("PI between") || what.contains("unfinished")) return;
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ElementParser.parse(b, SMALL)).as(what)
                .isInstanceOfSatisfying(XmlStreamException.class, e -> assertThat(e.condition()).isEqualTo(condition));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", new int[] {0xC0, 0xAF}),
                Arguments.of("overlong 3-byte E0 80 AF", new int[] {0xE0, 0x80, 0xAF}),
                Arguments.of("overlong 4-byte F0 80 80 AF", new int[] {0xF0, 0x80, 0x80, 0xAF}),
                Arguments.of("lone continuation 80", new int[] {0x80}),
                Arguments.of("UTF-16 surrogate ED A0 80", new int[] {0xED, 0xA0, 0x80}),
                Arguments.of("above U+10FFFF F4 90 80 80", new int[] {0xF4, 0x90, 0x80, 0x80}),
                Arguments.of("5-byte form F8", new int[] {0xF8, 0x88, 0x80, 0x80, 0x80}),
                Arguments.of("lead without continuation", new int[] {0xE2, 0x82, 0x41}),
                Arguments.of("FF", new int[] {0xFF}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsNotWellFormedInTextAndAttributes(String what, int[] seq) {
        for (String[] around : new String[][] {{"<message>", "</message>"}, {"<message id='", "'/>"}}) {
            byte[] b = concat(HEADER + around[0], seq, around[1]);
            XmlStreamException e = catchThrowableOfType(XmlStreamException.class,
                    () -> new StreamParser(SMALL, new Recorder()).feed(b, 0, b.length));
            assertThat(e).as(what).isNotNull();
            assertThat(e.condition()).isEqualTo("not-well-formed");
            byte[] alone = concat(around[0], seq, around[1]);
            assertThatThrownBy(() -> ElementParser.parse(alone, SMALL))
                    .isInstanceOfSatisfying(XmlStreamException.class, x -> assertThat(x.condition()).isEqualTo("not-well-formed"));
        }
    }

    @Test
    void aCharacterCutAtTheEndOfAFeedIsNotAnErrorUntilMoreBytesArrive() throws Exception {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(SMALL, r);
        StreamParserTest.feed(p, HEADER + "<message>");
        p.feed(euro, 0, 2);
        p.feed(euro, 2, 1);
        StreamParserTest.feed(p, "</message>");
        assertThat(r.elements().get(0).text()).isEqualTo("\u20ac");

        StreamParser q = new StreamParser(SMALL, new Recorder());
        StreamParserTest.feed(q, HEADER + "<message>");
        q.feed(euro, 0, 2);
        assertThatThrownBy(() -> StreamParserTest.feed(q, "</message>"))
                .isInstanceOfSatisfying(XmlStreamException.class, x -> assertThat(x.condition()).isEqualTo("not-well-formed"));
    }

    @Test
    void manyStanzasEachUnderTheLimitAreFine() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 100; i++) sb.append("<message><body>").append("x".repeat(900)).append("</body></message>");
        Recorder r = new Recorder();
        StreamParserTest.feed(new StreamParser(SMALL, r), sb.toString());
        assertThat(r.elements()).hasSize(100);
    }

    private static Arguments refused(String what, String condition, String header, String body) {
        return Arguments.of(what, condition, header, body);
    }

    private static byte[] concat(String before, int[] seq, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : seq) out.write(b);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
