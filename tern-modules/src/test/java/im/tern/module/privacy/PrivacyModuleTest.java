package im.tern.module.privacy;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static im.tern.module.testing.TestStanzas.presence;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.blocking.BlockingModule;
import im.tern.module.presence.PresenceModule;
import im.tern.module.roster.RosterModule;
import im.tern.module.roster.RosterXml;
import im.tern.module.testing.TestHttp;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyModuleTest {
    static final String NS = PrivacyModule.NAMESPACE;
    static final Jid ALICE = Jid.of("alice@example.com");
    static final Jid BOB = Jid.of("bob@example.com");
    static final Jid CAROL = Jid.of("carol@example.com");

    @TempDir
    Path dir;
    TestServer server;
    RosterStore rosters;
    TestHttp http;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new RosterModule(), new PresenceModule(), new BlockingModule(), new PrivacyModule(1024, new im.tern.module.pep.PepAccessRules()));
        rosters = server.store(RosterStore.class);
        http = new TestHttp(server);
        for (String u : List.of("alice", "bob", "carol", "dave")) server.account(u);
    }

    @AfterEach
    void stop() { server.close(); }

    TestSession online(String user, String resource) {
        TestSession s = server.login(user, resource);
        server.iq(s, "get", null, Element.empty("query", RosterXml.NAMESPACE));
        server.send(s, presence());
        return s;
    }

    void friends(Jid a, Jid b) {
        rosters.put(a.local(), new RosterItem(b, null, Subscription.BOTH, false, Set.of()));
        rosters.put(b.local(), new RosterItem(a, null, Subscription.BOTH, false, Set.of()));
    }

    static List<Element> presences(List<Element> received, String type, String from) {
        return received.stream().filter(e -> e.name().equals("presence")
                && Objects.equals(e.attr("type"), type) && Objects.equals(e.attr("from"), from)).toList();
    }

    Element set(TestSession s, String to, String... attrs) {
        Element.Builder b = Element.builder("privacy", NS);
        for (int i = 0; i < attrs.length; i += 2) b.attr(attrs[i], attrs[i + 1]);
        return server.iq(s, "set", to, b.build());
    }

    @Test
    void settingsAreTheDefaultsUntilSetAndASetChangesOnlyWhatItNames() {
        TestSession alice = server.login("alice", "phone");
        Element got = server.iq(alice, "get", null, Element.empty("privacy", NS)).child("privacy", NS);
        assertThat(got.attr("last-seen")).isEqualTo("everyone");
        assertThat(got.attr("group-add")).isEqualTo("everyone");

        Element after = set(alice, null, "last-seen", "contacts", "about", "nobody").child("privacy", NS);
        assertThat(after.attr("last-seen")).isEqualTo("contacts");
        assertThat(after.attr("about")).isEqualTo("nobody");
        assertThat(after.attr("online")).isEqualTo("everyone");
        set(alice, "alice@example.com", "group-add", "contacts");
        assertThat(server.store(PrivacyStore.class).get("alice")).isEqualTo(PrivacySettings.DEFAULTS
                .with(Setting.LAST_SEEN, Audience.CONTACTS).with(Setting.ABOUT, Audience.NOBODY).with(Setting.GROUP_ADD, Audience.CONTACTS));
        assertThat(server.disco().serverFeatures()).contains(NS);
    }

    @Test
    void badSetsAreRefusedAndChangeNothing() {
        TestSession alice = server.login("alice", "phone");
        set(alice, null, "online", "contacts");
        PrivacySettings before = server.store(PrivacyStore.class).get("alice");

        assertThat(errorCondition(set(alice, null, "online", "friends"))).isEqualTo("bad-request");
        assertThat(errorCondition(set(alice, null, "lastseen", "nobody"))).isEqualTo("bad-request");
        assertThat(errorCondition(set(alice, null, "about", "nobody", "mood", "nobody"))).isEqualTo("bad-request");
        assertThat(errorCondition(set(alice, null))).isEqualTo("bad-request");
        assertThat(errorCondition(server.iq(alice, "set", null, Element.builder("privacy", NS).attr("online", "nobody")
                .child(Element.empty("x", NS)).build()))).isEqualTo("bad-request");
        assertThat(errorCondition(set(alice, "bob@example.com", "online", "nobody"))).isEqualTo("forbidden");
        assertThat(errorCondition(server.iq(alice, "get", "bob@example.com", Element.empty("privacy", NS)))).isEqualTo("forbidden");

        assertThat(server.store(PrivacyStore.class).get("alice")).isEqualTo(before);
        assertThat(server.store(PrivacyStore.class).get("bob")).isEqualTo(PrivacySettings.DEFAULTS);
    }

    @Test
    void aSubscriberWhoMayNotSeeTheAccountOnlineGetsUnavailableInsteadAlsoForProbes() {
        friends(ALICE, BOB);
        friends(ALICE, CAROL);
        rosters.put("alice", new RosterItem(BOB, null, Subscription.BOTH, false, Set.of()));
        server.store(PrivacyStore.class).put("alice", PrivacySettings.DEFAULTS.with(Setting.ONLINE, Audience.NOBODY));
        TestSession bob = online("bob", "laptop");
        TestSession alice = online("alice", "phone");
        List<Element> atBob = bob.drain();
        assertThat(presences(atBob, null, "alice@example.com/phone")).isEmpty();
        assertThat(presences(atBob, "unavailable", "alice@example.com/phone")).hasSize(1);
        assertThat(presences(alice.drain(), null, "bob@example.com/laptop")).as("bob hides nothing").hasSize(1);

        // A probe from a session logging in later gets unavailable too.
        TestSession carol = online("carol", "desk");
        List<Element> atCarol = carol.drain();
        assertThat(presences(atCarol, null, "alice@example.com/phone")).isEmpty();
        assertThat(presences(atCarol, "unavailable", "alice@example.com/phone")).hasSize(1);

        // The account's own resources still see each other.
        TestSession laptop = online("alice", "laptop");
        assertThat(presences(laptop.drain(), null, "alice@example.com/phone")).hasSize(1);
    }

    @Test
    void onlineForContactsHidesTheAccountFromADirectedPresenceRecipientNotOnItsRoster() {
        server.store(PrivacyStore.class).put("alice", PrivacySettings.DEFAULTS.with(Setting.ONLINE, Audience.CONTACTS));
        TestSession dave = online("dave", "x");
        TestSession alice = online("alice", "phone");
        server.send(alice, presence(null, "dave@example.com"));
        List<Element> atDave = dave.drain();
        assertThat(presences(atDave, null, "alice@example.com/phone")).isEmpty();
        assertThat(presences(atDave, "unavailable", "alice@example.com/phone")).hasSize(1);
    }

    @Test
    void changingWhoSeesTheAccountOnlineShowsAtOnce() {
        friends(ALICE, BOB);
        TestSession bob = online("bob", "laptop");
        TestSession alice = online("alice", "phone");
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).hasSize(1);

        set(alice, null, "online", "nobody");
        assertThat(presences(bob.drain(), "unavailable", "alice@example.com/phone")).hasSize(1);
        set(alice, null, "last-seen", "nobody");
        assertThat(bob.drain()).as("another setting sends no presence").isEmpty();
        set(alice, null, "online", "contacts");
        assertThat(presences(bob.drain(), null, "alice@example.com/phone")).hasSize(1);
    }

    @Test
    void theCheckFollowsTheAudienceTheRosterAndTheBlocklist() {
        Privacy privacy = Privacy.of(server);
        // carol is on alice's roster without any subscription; dave is not on it at all
        rosters.put("alice", new RosterItem(CAROL, null, Subscription.NONE, false, Set.of()));
        server.store(PrivacyStore.class).put("alice", PrivacySettings.DEFAULTS
                .with(Setting.ABOUT, Audience.CONTACTS).with(Setting.AVATAR, Audience.NOBODY));
        Jid dave = Jid.of("dave@example.com/x");

        assertThat(privacy.allowed(ALICE, CAROL.withResource("desk")))
                .isEqualTo(EnumSet.of(Setting.LAST_SEEN, Setting.ONLINE, Setting.ABOUT, Setting.GROUP_ADD));
        assertThat(privacy.allowed(ALICE, dave)).isEqualTo(EnumSet.of(Setting.LAST_SEEN, Setting.ONLINE, Setting.GROUP_ADD));
        assertThat(privacy.allowed(ALICE, null)).isEqualTo(EnumSet.of(Setting.LAST_SEEN, Setting.ONLINE, Setting.GROUP_ADD));
        assertThat(privacy.allowed(ALICE, ALICE.withResource("phone"))).isEqualTo(EnumSet.allOf(Setting.class));
        assertThat(privacy.check(ALICE, CAROL, Setting.ABOUT).toCompletableFuture().join()).isTrue();

        TestSession alice = server.login("alice", "phone");
        server.iq(alice, "set", null, Element.builder("block", BlockingModule.NAMESPACE)
                .child(Element.builder("item", BlockingModule.NAMESPACE).attr("jid", "carol@example.com").build()).build());
        assertThat(privacy.allowed(ALICE, CAROL)).isEmpty();
        assertThat(privacy.allows(ALICE, CAROL, Setting.GROUP_ADD)).isFalse();
    }

    @Test
    void theHttpApiReadsAndChangesTheSettings() {
        TestHttp.Answer got = http.call("GET", "/v1/privacy", "alice", null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().toString()).isEqualTo(
                "{\"lastSeen\":\"everyone\",\"online\":\"everyone\",\"avatar\":\"everyone\",\"about\":\"everyone\",\"groupAdd\":\"everyone\"}");

        TestHttp.Answer put = http.call("PUT", "/v1/privacy", "alice@example.com", "{\"avatar\":\"contacts\",\"groupAdd\":\"nobody\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("avatar").asText()).isEqualTo("contacts");
        assertThat(put.json().get("groupAdd").asText()).isEqualTo("nobody");
        assertThat(put.json().get("about").asText()).isEqualTo("everyone");
        assertThat(http.call("GET", "/v1/privacy", "alice", null).json()).isEqualTo(put.json());
    }

    @Test
    void theHttpApiRefusesBadRequestsAndChangesNothing() {
        http.call("PUT", "/v1/privacy", "alice", "{\"online\":\"contacts\"}");
        PrivacySettings before = server.store(PrivacyStore.class).get("alice");

        assertThat(http.call("PUT", "/v1/privacy", "alice", "{\"online\":\"friends\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", "/v1/privacy", "alice", "{\"online\":null}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", "/v1/privacy", "alice", "{\"online\":\"nobody\",\"mood\":\"nobody\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", "/v1/privacy", "alice", "{}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", "/v1/privacy", "alice", "{\"online\":").problem()).isEqualTo("invalid-json");
        assertThat(http.call("PUT", "/v1/privacy", "alice", "secret", "text/plain", "{\"online\":\"nobody\"}").status()).isEqualTo(415);
        assertThat(http.call("PUT", "/v1/privacy", "alice", "{\"about\":\"" + "x".repeat(2000) + "\"}").status()).isEqualTo(413);
        assertThat(http.call("PUT", "/v1/privacy", null, "{\"online\":\"nobody\"}").status()).isEqualTo(401);
        TestHttp.Answer wrong = http.call("PUT", "/v1/privacy", "alice", "guess", "application/json", "{\"online\":\"nobody\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers()).containsKey("WWW-Authenticate");
        assertThat(http.call("GET", "/v1/privacy", "mallory", null).status()).isEqualTo(401);

        assertThat(server.store(PrivacyStore.class).get("alice")).isEqualTo(before);
    }

    @Test
    void settingsGoWithTheAccount() {
        server.store(PrivacyStore.class).put("alice", PrivacySettings.DEFAULTS.with(Setting.ONLINE, Audience.NOBODY));
        server.fire(new Events.AccountDeleted(ALICE));
        assertThat(server.store(PrivacyStore.class).get("alice")).isEqualTo(PrivacySettings.DEFAULTS);
    }
}
