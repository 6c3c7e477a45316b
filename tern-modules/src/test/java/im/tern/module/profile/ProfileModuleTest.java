package im.tern.module.profile;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.blocking.BlockingModule;
import im.tern.module.contacts.ContactsSettings;
import im.tern.module.testing.TestHttp;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import im.tern.store.ProfileStore;
import im.tern.store.ProfileStore.Profile;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileModuleTest {
    static final String ALICE = "447400123456";
    static final String BOB = "447400123457";
    static final String CAROL = "447400123458";

    @TempDir
    Path dir;
    TestServer server;
    TestHttp http;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new BlockingModule(),
                new ProfileModule(new ProfileSettings(10, 20, 1024), new ContactsSettings(100, 3, 30, 4096)));
        http = new TestHttp(server);
        for (String u : List.of(ALICE, BOB, CAROL)) server.account(u);
        server.store(ProfileStore.class).put(ALICE, new Profile("Alice", "Gone climbing"));
        // bob is on alice's roster; carol is not
        server.store(RosterStore.class).put(ALICE, new RosterItem(Jid.of(BOB + "@example.com"), null, Subscription.NONE, false, Set.of()));
    }

    @AfterEach
    void stop() { server.close(); }

    void privacy(String user, Setting s, Audience a) {
        PrivacyStore store = server.store(PrivacyStore.class);
        store.put(user, store.get(user).with(s, a));
    }

    @Test
    void ownProfileIsSetPartByPartAndClearedWithAnEmptyText() {
        assertThat(http.call("GET", "/v1/profile", BOB, null).json().toString())
                .isEqualTo("{\"jid\":\"447400123457@example.com\",\"number\":\"+447400123457\"}");
        TestHttp.Answer put = http.call("PUT", "/v1/profile", BOB, "{\"displayName\":\"Bob 🚲\",\"about\":\"Hi there\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("displayName").asText()).isEqualTo("Bob 🚲");

        http.call("PUT", "/v1/profile", BOB, "{\"about\":\"Busy\"}");
        assertThat(server.store(ProfileStore.class).get(BOB)).contains(new Profile("Bob 🚲", "Busy"));
        http.call("PUT", "/v1/profile", BOB, "{\"about\":\"\",\"displayName\":null}");
        assertThat(server.store(ProfileStore.class).get(BOB)).contains(new Profile("Bob 🚲", null));
        assertThat(http.call("GET", "/v1/profile", BOB + "@example.com", null).json().has("about")).isFalse();
    }

    @Test
    void othersSeeTheNameAlwaysAndTheAboutTextAsThePrivacySettingsAllow() {
        assertThat(http.call("GET", "/v1/profile/+" + ALICE, CAROL, null).json().toString()).isEqualTo(
                "{\"jid\":\"447400123456@example.com\",\"number\":\"+447400123456\",\"displayName\":\"Alice\",\"about\":\"Gone climbing\"}");

        privacy(ALICE, Setting.ABOUT, Audience.CONTACTS);
        assertThat(http.call("GET", "/v1/profile/" + ALICE + "@example.com", BOB, null).json().get("about").asText()).isEqualTo("Gone climbing");
        TestHttp.Answer stranger = http.call("GET", "/v1/profile/+" + ALICE, CAROL, null);
        assertThat(stranger.json().get("displayName").asText()).isEqualTo("Alice");
        assertThat(stranger.json().has("about")).isFalse();

        privacy(ALICE, Setting.ABOUT, Audience.NOBODY);
        assertThat(http.call("GET", "/v1/profile/+" + ALICE, BOB, null).json().has("about")).isFalse();
        assertThat(http.call("GET", "/v1/profile/+" + ALICE, ALICE, null).json().get("about").asText()).isEqualTo("Gone climbing");
    }

    @Test
    void noAccountAndABlockingAccountAreBothNotFound() {
        assertThat(http.call("GET", "/v1/profile/+447400123459", BOB, null).problem()).isEqualTo("not-found");
        TestSession alice = server.login(ALICE, "phone");
        server.iq(alice, "set", null, Element.builder("block", BlockingModule.NAMESPACE)
                .child(Element.builder("item", BlockingModule.NAMESPACE).attr("jid", BOB + "@example.com").build()).build());
        TestHttp.Answer blocked = http.call("GET", "/v1/profile/+" + ALICE, BOB, null);
        assertThat(blocked.status()).isEqualTo(404);
        assertThat(blocked.problem()).isEqualTo("not-found");
    }

    @Test
    void lookingUpOthersCountsAgainstTheDailyCapOfNewNumbers() {
        for (String n : List.of("+447400000001", "+447400000002", "+" + ALICE)) {
            assertThat(http.call("GET", "/v1/profile/" + n, BOB, null).status()).isIn(200, 404);
        }
        assertThat(http.call("GET", "/v1/profile/+" + ALICE, BOB, null).status()).as("again: free").isEqualTo(200);
        TestHttp.Answer capped = http.call("GET", "/v1/profile/+447400000003", BOB, null);
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.json().get("limit").asText()).isEqualTo("new-numbers-daily");
        assertThat(capped.headers()).containsKey("Retry-After");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        Profile before = server.store(ProfileStore.class).get(ALICE).orElseThrow();
        String path = "/v1/profile";
        assertThat(http.call("PUT", path, ALICE, "{\"displayName\":\"" + "x".repeat(11) + "\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{\"displayName\":\"" + "🙂".repeat(10) + "\",\"about\":\"" + "y".repeat(21) + "\"}")
                .problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{\"about\":\"line\\nbreak\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{\"about\":\"\\ud800\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{\"status\":\"x\"}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{\"about\":7}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "{}").problem()).isEqualTo("invalid-request");
        assertThat(http.call("PUT", path, ALICE, "secret", "text/plain", "{\"about\":\"x\"}").status()).isEqualTo(415);
        assertThat(http.call("PUT", path, ALICE, "wrong", "application/json", "{\"about\":\"x\"}").status()).isEqualTo(401);
        assertThat(http.call("GET", "/v1/profile/alice", BOB, null).problem()).isEqualTo("invalid-request");
        assertThat(http.call("GET", "/v1/profile/" + ALICE + "@elsewhere.org", BOB, null).problem()).isEqualTo("invalid-request");
        assertThat(http.call("GET", "/v1/profile/+44-7400", BOB, null).problem()).isEqualTo("invalid-request");
        assertThat(server.store(ProfileStore.class).get(ALICE)).contains(before);
    }

    @Test
    void theProfileGoesWithTheAccount() {
        server.fire(new Events.AccountDeleted(Jid.of(ALICE + "@example.com")));
        assertThat(server.store(ProfileStore.class).get(ALICE)).isEmpty();
    }
}
