package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * People who signed up by phone find which numbers of their address book use Tern, over HTTPS and over XMPP
 * with Smack, with numbers written the local way; found contacts land on the Smack roster; the per-request and
 * per-day limits answer as documented, the daily one until midnight UTC on the server's clock.
 */
class ContactsEndToEndTest {
    static final String NS = "urn:tern:contacts:0";
    static final String DISCOVER = "/v1/contacts/discover";

    RunningTern tern;
    TestClock clock;
    SignupApi signup;
    AccountApi api;
    SignupApi.Account alice;
    SignupApi.Account bob;
    SignupApi.Account carol;

    @BeforeAll
    static void providers() {
        RawIq.readResults("discover", NS);
    }

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.parse("2026-05-01T20:00:00Z"));
        tern = RunningTern.start(cfg -> {
            cfg.contacts.maxNumbers = 20;
            cfg.contacts.maxNewNumbersPerDay = 10;
        }, clock);
        signup = new SignupApi(tern);
        api = new AccountApi(tern);
        alice = signup.signUp("+447400123456");
        bob = signup.signUp("+447400123457");
        carol = signup.signUp("+447400123458");
    }

    @AfterEach
    void stop() {
        signup.close();
        tern.close();
    }

    static String numbers(String... n) {
        return "[" + String.join(",", java.util.Arrays.stream(n).map(s -> "\"" + s + "\"").toList()) + "]";
    }

    static RawIq discover(List<String> numbers, Map<String, String> attrs) {
        StringBuilder inner = new StringBuilder();
        for (String n : numbers) inner.append("<number>").append(n).append("</number>");
        RawIq iq = new RawIq(IQ.Type.get, "discover", NS, attrs, inner.toString());
        iq.setTo(JidCreate.domainBareFromOrThrowUnchecked(RunningTern.DOMAIN));
        return iq;
    }

    @Test
    void discoveryOverHttpsFindsLocalFormatNumbersAndAddsThemToTheSmackRoster() throws Exception {
        XMPPTCPConnection phone = tern.login(alice.user(), alice.token(), "phone");
        Roster roster = Roster.getInstanceFor(phone);
        roster.reloadAndWait();
        assertThat(roster.getEntries()).isEmpty();

        SignupApi.Response r = api.post(DISCOVER, alice, "{\"numbers\":" + numbers("07400 123457", "07400-123-458", "07400 123459",
                "+44 7400 123457", "Mum", "020 7946 0000") + ",\"region\":\"GB\",\"addToRoster\":true}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().toString()).isEqualTo("{\"registered\":["
                + "{\"number\":\"+447400123457\",\"jid\":\"447400123457@tern.test\",\"given\":\"07400 123457\"},"
                + "{\"number\":\"+447400123458\",\"jid\":\"447400123458@tern.test\",\"given\":\"07400-123-458\"}]}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(roster.getEntries())
                .extracting(e -> e.getJid().toString()).containsExactlyInAnyOrder(bob.jid(), carol.jid()));
        RosterEntry entry = roster.getEntry(JidCreate.bareFrom(bob.jid()));
        assertThat(entry.getType()).isEqualTo(org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.none);

        // The same address book again: the same answer, no duplicate entries.
        assertThat(api.post(DISCOVER, alice, "{\"numbers\":" + numbers("07400 123457", "07400 123458") + ",\"addToRoster\":true}")
                .json().get("registered")).hasSize(2);
        roster.reloadAndWait();
        assertThat(roster.getEntries()).hasSize(2);
    }

    @Test
    void discoveryOverXmppWithSmackReadsNumbersInTheCallersOwnCountry() throws Exception {
        XMPPTCPConnection c = tern.login(bob.user(), bob.token(), "phone");
        assertThat(ServiceDiscoveryManager.getInstanceFor(c).serverSupportsFeature(NS)).isTrue();
        RawIq result = c.sendIqRequestAndWaitForResponse(discover(List.of("07400 123456", "+33 6 12 34 56 78", "(0)7400 123458"), Map.of()));
        var contacts = result.payload().elements("contact", NS);
        assertThat(contacts).extracting(e -> e.attr("jid")).containsExactly(alice.jid(), carol.jid());
        assertThat(contacts).extracting(e -> e.attr("number")).containsExactly("+447400123456", "+447400123458");
        assertThat(contacts.get(1).attr("given")).isEqualTo("(0)7400 123458");

        // add-to-roster over XMPP too, seen by Smack's roster.
        Roster roster = Roster.getInstanceFor(c);
        roster.reloadAndWait();
        RawIq add = discover(List.of("+447400123456"), Map.of("add-to-roster", "true"));
        add.setType(IQ.Type.set);
        c.sendIqRequestAndWaitForResponse(add);
        await().atMost(Duration.ofSeconds(10)).until(() -> roster.getEntry(JidCreate.bareFrom(alice.jid())) != null);
    }

    @Test
    void tooManyNumbersAndTooManyNewNumbersADayAreRefusedOverBothProtocols() throws Exception {
        XMPPTCPConnection c = tern.login(alice.user(), alice.token(), "phone");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) many.add(String.format("07400 2000%02d", i));

        SignupApi.Response big = api.post(DISCOVER, alice, "{\"numbers\":" + numbers(many.toArray(String[]::new)) + ",\"region\":\"GB\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.problem()).isEqualTo("too-many-numbers");
        XMPPErrorException bigIq = catchThrowableOfType(XMPPErrorException.class,
                () -> c.sendIqRequestAndWaitForResponse(discover(many, Map.of("region", "GB"))));
        assertThat(bigIq.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.policy_violation);
        assertThat(bigIq.getStanzaError().getDescriptiveText()).contains("at most 20");

        // 8 new numbers, then the same 8 again and again: free.
        List<String> book = many.subList(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(DISCOVER, alice, "{\"numbers\":" + numbers(book.toArray(String[]::new)) + ",\"region\":\"GB\"}").status())
                    .isEqualTo(200);
        }
        // 3 more new ones would make 11 of 10.
        List<String> grown = many.subList(0, 11);
        SignupApi.Response capped = api.post(DISCOVER, alice, "{\"numbers\":" + numbers(grown.toArray(String[]::new)) + ",\"region\":\"GB\"}");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.problem()).isEqualTo("rate-limited");
        assertThat(capped.json().get("limit").asText()).isEqualTo("new-numbers-daily");
        assertThat(capped.json().get("newNumbers").asInt()).isEqualTo(3);
        assertThat(capped.json().get("remaining").asInt()).isEqualTo(2);
        assertThat(capped.retryAfter()).isEqualTo("14400"); // 20:00 to midnight UTC

        var stock = GenericExtensionProvider.install(new QName(NS, "daily-limit"));
        try {
            XMPPErrorException cappedIq = catchThrowableOfType(XMPPErrorException.class,
                    () -> c.sendIqRequestAndWaitForResponse(discover(grown, Map.of("region", "GB"))));
            assertThat(cappedIq.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
            StandardExtensionElement limit = cappedIq.getStanzaError().getExtension("daily-limit", NS);
            assertThat(limit.getAttributeValue("retry-after")).isEqualTo("14400");
            assertThat(limit.getAttributeValue("remaining")).isEqualTo("2");
        } finally {
            GenericExtensionProvider.restore(stock);
        }

        // Another account has its own cap; and at midnight alice's starts again.
        assertThat(api.post(DISCOVER, bob, "{\"numbers\":" + numbers(many.subList(0, 10).toArray(String[]::new)) + ",\"region\":\"GB\"}").status())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(4));
        assertThat(api.post(DISCOVER, alice, "{\"numbers\":" + numbers(grown.toArray(String[]::new)) + ",\"region\":\"GB\"}").status())
                .isEqualTo(200);
    }
}
