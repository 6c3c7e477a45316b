package im.tern.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault ends its own stream with the RFC 6120 condition and a close; a bystander keeps chatting. */
class StreamErrorsTest {
    private static final String HEADER_START = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1.0' ";

    @TempDir static Path dir;
    static TestServer server;
    static RawClient bystander;
    static RawClient friend;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, c -> c.withLimits(c.limits().withMaxStanzaBytes(8 * 1024)));
        bystander = server.login("alice", "bystander");
        friend = server.login("bob", "friend");
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        friend.close();
        server.close();
    }

    @AfterEach
    void bystanderStillChats() throws Exception {
        bystander.send("<message to='bob@tern.test/friend' type='chat'><body>still here</body></message>");
        assertThat(friend.expect("</message>")).contains("still here");
    }

    private static String closedWith(String... writes) throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            for (String w : writes) c.send(w);
            return c.expectClosed();
        }
    }

    private static String error(String condition) {
        return "<stream:error><" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>";
    }

    @Test
    void unknownHostIsHostUnknown() throws Exception {
        String got = closedWith(HEADER_START + "to='other.example' xmlns='jabber:client'>");
        assertThat(got).startsWith("<?xml version='1.0'?><stream:stream").endsWith(error("host-unknown"));
    }

    @Test
    void wrongContentNamespaceIsInvalidNamespace() throws Exception {
        assertThat(closedWith(HEADER_START + "to='tern.test' xmlns='jabber:server'>")).endsWith(error("invalid-namespace"));
    }

    @Test
    void wrongStreamNamespaceIsInvalidNamespace() throws Exception {
        String header = "<stream:stream xmlns:stream='urn:wrong' xmlns='jabber:client' to='tern.test' version='1.0'>";
        assertThat(closedWith(header)).endsWith(error("invalid-namespace"));
    }

    @Test
    void missingVersionIsUnsupportedVersion() throws Exception {
        String header = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:client' to='tern.test'>";
        assertThat(closedWith(header)).endsWith(error("unsupported-version"));
    }

    @Test
    void stanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        String got = closedWith(HEADER_START + "to='tern.test' xmlns='jabber:client'>",
                "<message to='bob@tern.test'><body>sneaky</body></message>");
        assertThat(got).endsWith(error("not-authorized"));
        assertThat(friend.drain(200)).doesNotContain("sneaky");
    }

    /** The hostile-input table over a real socket: each input, the stream error it must get. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> hostileInputs() {
        String deep = "<message>" + "<x>".repeat(70) + "</x>".repeat(70) + "</message>";
        StringBuilder attrs = new StringBuilder("<message");
        for (int i = 0; i < 80; i++) attrs.append(" a").append(i).append("='v'");
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("billion laughs entity", "<message><body>&lol9;</body></message>", "restricted-xml"),
                org.junit.jupiter.params.provider.Arguments.of("external entity", "<message><body>&xxe;</body></message>", "restricted-xml"),
                org.junit.jupiter.params.provider.Arguments.of("processing instruction", "<?evil payload?>", "restricted-xml"),
                org.junit.jupiter.params.provider.Arguments.of("nesting deeper than the limit", deep, "policy-violation"),
                org.junit.jupiter.params.provider.Arguments.of("too many attributes", attrs.append("/>").toString(), "policy-violation"),
                org.junit.jupiter.params.provider.Arguments.of("mismatched end tag", "<message></presence> ", "not-well-formed"),
                org.junit.jupiter.params.provider.Arguments.of("text between stanzas", "hello", "bad-format"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} ends the stream with {2}")
    @org.junit.jupiter.params.provider.MethodSource("hostileInputs")
    void hostileInputEndsOnlyItsOwnStream(String what, String input, String condition) throws Exception {
        assertThat(closedWith(HEADER_START + "to='tern.test' xmlns='jabber:client'>", input)).endsWith(error(condition));
    }

    @Test
    void commentIsRestrictedXml() throws Exception {
        assertThat(closedWith(HEADER_START + "to='tern.test' xmlns='jabber:client'>", "<!-- hi -->"))
                .endsWith(error("restricted-xml"));
    }

    @Test
    void doctypeIsRestrictedXml() throws Exception {
        String got = closedWith("<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY x 'y'>]>"
                + HEADER_START.substring(21) + "to='tern.test' xmlns='jabber:client'>");
        assertThat(got).endsWith(error("restricted-xml"));
    }

    @Test
    void brokenXmlIsNotWellFormed() throws Exception {
        assertThat(closedWith(HEADER_START + "to='tern.test' xmlns='jabber:client'>", "<message><body></message> "))
                .endsWith(error("not-well-formed"));
    }

    @Test
    void oversizeStanzaIsPolicyViolation() throws Exception {
        String big = "<message><body>" + "x".repeat(9 * 1024) + "</body></message>";
        assertThat(closedWith(HEADER_START + "to='tern.test' xmlns='jabber:client'>", big)).endsWith(error("policy-violation"));
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws Exception {
        try (RawClient c = RawClient.connect(server.port())) {
            c.open();
            c.sendBytes("<message><body>".getBytes(StandardCharsets.UTF_8));
            c.sendBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            c.sendBytes("</body></message>".getBytes(StandardCharsets.UTF_8));
            assertThat(c.expectClosed()).endsWith(error("not-well-formed"));
        }
    }

    @Test
    void nonStanzaAfterBindIsUnsupportedStanzaType() throws Exception {
        try (RawClient c = server.login("carol", "odd")) {
            c.send("<foo xmlns='urn:unknown'/>");
            assertThat(c.expectClosed()).endsWith(error("unsupported-stanza-type"));
        }
    }

    @Test
    void aStreamErrorFromTheClientIsAnsweredWithACloseNotAnotherError() throws Exception {
        try (RawClient c = server.login("carol", "err")) {
            c.send("<stream:error><undefined-condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
            assertThat(c.expectClosed()).endsWith("</stream:stream>").doesNotContain("<stream:error>");
        }
    }

    @Test
    void closingTheStreamIsAnsweredWithAClose() throws Exception {
        try (RawClient c = server.login("carol", "bye")) {
            c.send("</stream:stream>");
            assertThat(c.expectClosed()).endsWith("</stream:stream>");
        }
    }
}
