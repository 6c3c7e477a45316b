package im.tern.module.contacts;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.roster.RosterModule;
import im.tern.module.roster.RosterXml;
import im.tern.module.testing.ManualClock;
import im.tern.module.testing.TestHttp;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.DiscoveryStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsModuleTest {
    static final String NS = ContactsModule.NAMESPACE;
    static final String ALICE = "447400123456";
    static final String BOB = "447400123457";
    static final String CAROL = "447400123458";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T22:00:00Z"));
    TestServer server;
    TestHttp http;

    @BeforeEach
    void start() {
        server = new TestServer(dir, clock, new RosterModule(), new ContactsModule(new ContactsSettings(5, 4, 30, 4096)));
        http = new TestHttp(server);
        for (String u : List.of(ALICE, BOB, CAROL)) server.account(u);
    }

    @AfterEach
    void stop() { server.close(); }

    Element discover(TestSession s, String type, Element query) {
        return server.iq(s, type, "example.com", query);
    }

    static Element query(String region, String addToRoster, String... numbers) {
        Element.Builder b = Element.builder("discover", NS).attr("region", region).attr("add-to-roster", addToRoster);
        for (String n : numbers) b.textChild("number", n);
        return b.build();
    }

    static List<String> jids(Element reply) {
        assertThat(reply.attr("type")).as("%s", reply).isEqualTo("result");
        return reply.child("discover", NS).elements("contact", NS).stream().map(c -> c.attr("jid")).toList();
    }

    @Test
    void numbersInAnyFormatAreFoundOnceAndTheRestIsLeftOut() {
        TestSession alice = server.login(ALICE, "phone");
        Element reply = discover(alice, "get", query("GB", null, "07400 123457", "+44 (0)7400 123458", "not a number",
                "07400 123459", "+447400123457"));
        assertThat(jids(reply)).containsExactly(BOB + "@example.com", CAROL + "@example.com");
        Element bob = reply.child("discover", NS).elements("contact", NS).get(0);
        assertThat(bob.attr("number")).isEqualTo("+" + BOB);
        assertThat(bob.attr("given")).isEqualTo("07400 123457");
        assertThat(server.disco().serverFeatures()).contains(NS);
    }

    @Test
    void withoutARegionLocalNumbersAreReadInTheCallersOwnCountry() {
        TestSession alice = server.login(ALICE, "phone");
        assertThat(jids(discover(alice, "get", query(null, null, "07400 123457")))).containsExactly(BOB + "@example.com");
        // An account that is no number has no country: only international numbers are read.
        TestSession admin = server.login("admin", "x");
        assertThat(jids(discover(admin, "get", query(null, null, "07400 123457", "+447400123458")))).containsExactly(CAROL + "@example.com");
    }

    @Test
    void addToRosterAddsTheMissingContactsOnceEachWithAPush() {
        RosterStore rosters = server.store(RosterStore.class);
        RosterItem named = new RosterItem(Jid.of(BOB + "@example.com"), "Bobby", Subscription.TO, false, Set.of("Friends"));
        rosters.put(ALICE, named);
        TestSession alice = server.login(ALICE, "phone");
        server.iq(alice, "get", null, Element.empty("query", RosterXml.NAMESPACE));

        discover(alice, "set", query("GB", "true", "07400 123457", "07400 123458", "07400 123456"));
        List<Element> pushes = alice.drain().stream().filter(e -> "set".equals(e.attr("type"))).toList();
        assertThat(pushes).singleElement().satisfies(p -> {
            Element item = p.child("query", RosterXml.NAMESPACE).child("item", RosterXml.NAMESPACE);
            assertThat(item.attr("jid")).isEqualTo(CAROL + "@example.com");
            assertThat(item.attr("subscription")).isEqualTo("none");
        });
        assertThat(rosters.roster(ALICE).items()).hasSize(2).contains(named);
        assertThat(rosters.item(ALICE, Jid.of(ALICE + "@example.com"))).as("never oneself").isEmpty();

        discover(alice, "set", query("GB", "1", "07400 123457", "07400 123458"));
        assertThat(alice.drain()).as("nothing new, nothing pushed").hasSize(0);
    }

    @Test
    void tooManyNumbersAreRefusedWhole() {
        TestSession alice = server.login(ALICE, "phone");
        Element reply = discover(alice, "get", query("GB", null, "1", "2", "3", "4", "5", "6"));
        assertThat(errorCondition(reply)).isEqualTo("policy-violation");
        assertThat(reply.toXml()).contains("at most 5");
        assertThat(server.store(DiscoveryStore.class).admit(ALICE, List.of("x"), 0, 0).usedToday()).as("nothing counted").isEqualTo(1);
    }

    @Test
    void newNumbersPerDayAreCappedButLookingUpTheSameOnesAgainIsFree() {
        TestSession alice = server.login(ALICE, "phone");
        assertThat(jids(discover(alice, "get", query("GB", null, "07400 123457", "07400 123458", "07400 111111")))).hasSize(2);
        for (int i = 0; i < 3; i++) {
            assertThat(jids(discover(alice, "get", query("GB", null, "07400 123457", "07400 123458", "07400 111111")))).hasSize(2);
        }
        // Junk and numbers that cannot be accounts (a landline) cost nothing.
        jids(discover(alice, "get", query("GB", null, "07400 222222", "hello", "020 7946 0000")));

        Element refused = discover(alice, "get", query("GB", null, "07400 123457", "07400 333333"));
        assertThat(errorCondition(refused)).isEqualTo("resource-constraint");
        Element limit = refused.child("error", "jabber:client").child("daily-limit", NS);
        assertThat(limit.attr("new")).isEqualTo("1");
        assertThat(limit.attr("remaining")).isEqualTo("0");
        assertThat(limit.attr("retry-after")).isEqualTo("7200"); // 22:00 to midnight UTC

        clock.advance(Duration.ofHours(2));
        assertThat(jids(discover(alice, "get", query("GB", null, "07400 123457", "07400 333333")))).hasSize(1);
        // Another account has its own cap.
        TestSession bob = server.login(BOB, "phone");
        assertThat(jids(discover(bob, "get", query("GB", null, "07400 123456", "07400 123458")))).hasSize(2);
    }

    @Test
    void malformedRequestsAreRefused() {
        TestSession alice = server.login(ALICE, "phone");
        assertThat(errorCondition(discover(alice, "get", query("XX", null, "1")))).isEqualTo("bad-request");
        assertThat(errorCondition(discover(alice, "get", query("GB", "yes", "1")))).isEqualTo("bad-request");
        assertThat(errorCondition(discover(alice, "get", Element.builder("discover", NS)
                .child(Element.builder("phone", NS).text("1").build()).build()))).isEqualTo("bad-request");
        assertThat(errorCondition(discover(alice, "get", Element.builder("discover", NS)
                .child(Element.builder("number", NS).child(Element.empty("b", NS)).build()).build()))).isEqualTo("bad-request");
        assertThat(jids(discover(alice, "get", query("gb", null)))).isEmpty();
    }

    @Test
    void theHttpApiAnswersTheSameAndRefusesBadBodies() {
        TestHttp.Answer ok = http.call("POST", "/v1/contacts/discover", ALICE,
                "{\"numbers\":[\"07400 123457\",\"bogus\"],\"region\":\"GB\",\"addToRoster\":false}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().toString()).isEqualTo("{\"registered\":[{\"number\":\"+447400123457\",\"jid\":\"447400123457@example.com\","
                + "\"given\":\"07400 123457\"}]}");

        TestHttp.Answer many = http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]}");
        assertThat(many.status()).isEqualTo(413);
        assertThat(many.problem()).isEqualTo("too-many-numbers");
        assertThat(many.json().get("maxNumbers").asInt()).isEqualTo(5);
        assertThat(http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":\"07400 123457\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[1]}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[],\"addToRoster\":\"yes\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[],\"region\":\"Narnia\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("POST", "/v1/contacts/discover", ALICE, "{}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("POST", "/v1/contacts/discover", null, "{\"numbers\":[]}").status()).isEqualTo(401);

        http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[\"07400 000001\",\"07400 000002\",\"07400 000003\"],\"region\":\"GB\"}");
        TestHttp.Answer capped = http.call("POST", "/v1/contacts/discover", ALICE, "{\"numbers\":[\"07400 000004\"],\"region\":\"GB\"}");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.problem()).isEqualTo("rate-limited");
        assertThat(capped.json().get("limit").asText()).isEqualTo("new-numbers-daily");
        assertThat(capped.headers()).containsEntry("Retry-After", "7200");
    }

    @Test
    void anAccountsLookUpsGoWithIt() {
        TestSession alice = server.login(ALICE, "phone");
        discover(alice, "get", query("GB", null, "07400 123457", "07400 123458", "07400 000001", "07400 000002"));
        assertThat(errorCondition(discover(alice, "get", query("GB", null, "07400 000003")))).isEqualTo("resource-constraint");
        server.fire(new Events.AccountDeleted(Jid.of(ALICE + "@example.com")));
        assertThat(jids(discover(alice, "get", query("GB", null, "07400 000003")))).isEmpty();
    }
}
