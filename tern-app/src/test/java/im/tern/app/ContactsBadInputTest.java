package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.DiscoveryStore;
import im.tern.store.PrivacySettings;
import im.tern.store.PrivacyStore;
import im.tern.store.ProfileStore;
import im.tern.store.RosterStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the discovery, profile and privacy APIs, one row each: the status and problem type
 * documented in docs/api/openapi.yaml, and nothing changed by the refused request (profile, privacy settings,
 * roster, numbers counted against the daily cap). The rows share one server and one signed-up account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsBadInputTest {
    static final String DISCOVER = "/v1/contacts/discover";
    static final String PROFILE = "/v1/profile";
    static final String PRIVACY = "/v1/privacy";
    static final String JSON = "application/json";

    RunningTern tern;
    SignupApi signup;
    AccountApi api;
    SignupApi.Account alice;

    record Snapshot(ProfileStore.Profile profile, PrivacySettings privacy, int rosterItems, int lookedUpToday) {}

    record Row(String name, String method, String path, boolean authenticated, String contentType, String body, int status,
               String problem) {
        @Override
        public String toString() { return name; }
    }

    @BeforeAll
    void start() throws Exception {
        tern = RunningTern.start(cfg -> {
            cfg.contacts.maxNumbers = 3;
            cfg.contacts.maxBodyBytes = 1024;
            cfg.profile.maxDisplayName = 10;
            cfg.profile.maxAbout = 20;
        });
        signup = new SignupApi(tern);
        api = new AccountApi(tern);
        alice = signup.signUp("+447400123456");
        signup.signUp("+447400123457");
        assertThat(api.put(PROFILE, alice, "{\"displayName\":\"Alice\",\"about\":\"Hi\"}").status()).isEqualTo(200);
        assertThat(api.put(PRIVACY, alice, "{\"about\":\"contacts\"}").status()).isEqualTo(200);
        assertThat(api.post(DISCOVER, alice, "{\"numbers\":[\"+447400123457\"],\"addToRoster\":true}").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        signup.close();
        tern.close();
    }

    Snapshot snapshot() {
        var db = tern.server.database();
        long today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).toEpochDay();
        return new Snapshot(db.store(ProfileStore.class).get(alice.user()).orElse(null), db.store(PrivacyStore.class).get(alice.user()),
                db.store(RosterStore.class).roster(alice.user()).items().size(),
                db.store(DiscoveryStore.class).admit(alice.user(), java.util.List.of(), today, 0).usedToday());
    }

    static Row row(String name, String method, String path, String body, int status, String problem) {
        return new Row(name, method, path, true, JSON, body, status, problem);
    }

    static Stream<Arguments> rows() {
        String bigList = "{\"numbers\":[" + "\"+447400123457\",".repeat(100) + "\"+447400123458\"]}";
        return Stream.of(
                // POST /v1/contacts/discover
                row("discover: numbers missing", "POST", DISCOVER, "{\"region\":\"GB\"}", 400, "invalid-request"),
                row("discover: extra field", "POST", DISCOVER, "{\"numbers\":[],\"book\":\"mine\"}", 400, "invalid-request"),
                row("discover: numbers not a list", "POST", DISCOVER, "{\"numbers\":\"+447400123457\"}", 400, "invalid-request"),
                row("discover: a number not a string", "POST", DISCOVER, "{\"numbers\":[447400123457]}", 400, "invalid-request"),
                row("discover: addToRoster not a boolean", "POST", DISCOVER, "{\"numbers\":[],\"addToRoster\":\"yes\"}", 400, "invalid-request"),
                row("discover: unknown region", "POST", DISCOVER, "{\"numbers\":[],\"region\":\"XX\"}", 400, "invalid-request"),
                row("discover: malformed JSON", "POST", DISCOVER, "{\"numbers\":[", 400, "invalid-json"),
                row("discover: JSON not an object", "POST", DISCOVER, "[\"+447400123457\"]", 400, "invalid-json"),
                row("discover: too many numbers", "POST", DISCOVER,
                        "{\"numbers\":[\"+447400123457\",\"+447400123458\",\"+447400123459\",\"+447400123450\"],\"addToRoster\":true}",
                        413, "too-many-numbers"),
                row("discover: body too large", "POST", DISCOVER, bigList, 413, "body-too-large"),
                new Row("discover: wrong content type", "POST", DISCOVER, true, "text/plain", "{\"numbers\":[]}", 415, "unsupported-media-type"),
                new Row("discover: no credentials", "POST", DISCOVER, false, JSON, "{\"numbers\":[\"+447400123458\"]}", 401, "unauthorized"),
                // PUT /v1/profile
                row("profile: nothing to change", "PUT", PROFILE, "{}", 400, "invalid-request"),
                row("profile: extra field", "PUT", PROFILE, "{\"displayName\":\"Al\",\"status\":\"x\"}", 400, "invalid-request"),
                row("profile: name not a string", "PUT", PROFILE, "{\"displayName\":42}", 400, "invalid-request"),
                row("profile: name too long", "PUT", PROFILE, "{\"displayName\":\"Alexandrina\"}", 400, "invalid-request"),
                row("profile: about too long", "PUT", PROFILE, "{\"about\":\"" + "z".repeat(21) + "\"}", 400, "invalid-request"),
                row("profile: line break in about", "PUT", PROFILE, "{\"about\":\"two\\nlines\"}", 400, "invalid-request"),
                row("profile: malformed JSON", "PUT", PROFILE, "{\"about\":", 400, "invalid-json"),
                row("profile: body too large", "PUT", PROFILE, "{\"about\":\"" + "z".repeat(5000) + "\"}", 413, "body-too-large"),
                new Row("profile: wrong content type", "PUT", PROFILE, true, "text/plain", "{\"about\":\"x\"}", 415, "unsupported-media-type"),
                new Row("profile: no credentials", "PUT", PROFILE, false, JSON, "{\"about\":\"x\"}", 401, "unauthorized"),
                // GET /v1/profile/{id}
                row("profile of: not a JID or number", "GET", PROFILE + "/alice", null, 400, "invalid-request"),
                row("profile of: another server's JID", "GET", PROFILE + "/447400123457@elsewhere.example", null, 400, "invalid-request"),
                new Row("profile of: no credentials", "GET", PROFILE + "/+447400123457", false, null, null, 401, "unauthorized"),
                // PUT /v1/privacy
                row("privacy: unknown audience", "PUT", PRIVACY, "{\"about\":\"friends\"}", 400, "invalid-request"),
                row("privacy: audience in capitals", "PUT", PRIVACY, "{\"about\":\"NOBODY\"}", 400, "invalid-request"),
                row("privacy: audience null", "PUT", PRIVACY, "{\"about\":null}", 400, "invalid-request"),
                row("privacy: unknown setting", "PUT", PRIVACY, "{\"about\":\"nobody\",\"readReceipts\":\"nobody\"}", 400, "invalid-request"),
                row("privacy: nothing to change", "PUT", PRIVACY, "{}", 400, "invalid-request"),
                new Row("privacy: wrong content type", "PUT", PRIVACY, true, "application/x-www-form-urlencoded", "about=nobody", 415,
                        "unsupported-media-type"),
                new Row("privacy: no credentials", "GET", PRIVACY, false, null, null, 401, "unauthorized"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedAsDocumentedAndNothingChanges(Row row) throws Exception {
        Snapshot before = snapshot();
        SignupApi.Response r = api.call(row.method(), row.path(), row.authenticated() ? alice : null, row.contentType(), row.body());
        assertThat(r.status()).as("%s", r).isEqualTo(row.status());
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.problem()).isEqualTo(row.problem());
        assertThat(r.json().get("status").asInt()).isEqualTo(row.status());
        if (row.status() == 401) assertThat(r.authenticate()).startsWith("Basic");
        if (row.status() == 400 && row.problem().equals("invalid-request")) assertThat(r.json().get("errors")).isNotEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }
}
