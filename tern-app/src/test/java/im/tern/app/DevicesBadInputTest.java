package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import im.tern.store.PinStore;
import im.tern.store.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the linked-device and account-deletion endpoints (and of the PIN's to linked devices), one row
 * each, over HTTPS: the status and problem type documented in docs/api/openapi.yaml, and nothing changed by the
 * refused request (no account
 * deleted, no device linked or unlinked, no link code used or killed, no PIN touched). The rows share one server:
 * Alice (with a PIN) and Bob signed up by phone, each with a linked device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicesBadInputTest {
    static final String CODES = "/v1/devices/link-codes";
    static final String DEVICES = "/v1/devices";
    static final String ME = "/v1/accounts/me";
    static final String JSON = "application/json";

    final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    RunningTern tern;
    SignupApi api;
    SignupApi.Account alice;
    SignupApi.Account bob;
    SignupApi.Device aliceWeb;
    SignupApi.Device bobWeb;
    /** Link codes a row made, whose state must not change either. */
    final List<String> codes = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        tern = RunningTern.start(cfg -> cfg.devices.redeemPerAddress = SignupBadInputTest.window(0, 0), clock);
        api = new SignupApi(tern);
        alice = api.signUp("+447400123456");
        bob = api.signUp("+447400123457");
        aliceWeb = api.link(alice, "alice web");
        bobWeb = api.link(bob, "bob web");
        assertThat(api.pin("PUT", alice.jid(), alice.token(), "{\"pin\":\"2468\"}").status()).isEqualTo(204);
    }

    @AfterAll
    void stop() {
        api.close();
        tern.close();
    }

    /** What a refused request must leave as it was. */
    record Snapshot(long users, List<String> aliceDevices, List<String> bobDevices, String alicePin, Map<String, String> codes) {}

    Snapshot snapshot() {
        var db = tern.server.database();
        DeviceStore devices = db.store(DeviceStore.class);
        Map<String, String> states = new TreeMap<>();
        for (String code : codes) {
            states.put(code, db.store(LinkCodeStore.class).get(code.substring(0, 8)).map(c -> c.status().name()).orElse("gone"));
        }
        return new Snapshot(db.store(UserStore.class).count(), devices.list(alice.user()).stream().map(DeviceStore.Device::id).toList(),
                devices.list(bob.user()).stream().map(DeviceStore.Device::id).toList(),
                db.store(PinStore.class).get(alice.user()).map(PinStore.Pin::hash).orElse(null), states);
    }

    /** A fresh code of Alice's, watched by the snapshot. */
    String code() throws Exception {
        String code = api.linkCode(alice);
        codes.add(code);
        return code;
    }

    static String wrongSecret(String code) {
        return code.substring(0, 9) + (code.charAt(9) == 'a' ? 'b' : 'a') + code.substring(10);
    }

    @FunctionalInterface
    interface Scenario {
        SignupApi.Response run(DevicesBadInputTest t) throws Exception;
    }

    /** A row's setup runs before the snapshot; its request after. */
    @FunctionalInterface
    interface Setup {
        Object run(DevicesBadInputTest t) throws Exception;
    }

    record Row(String name, Setup setup, Scenario request, int status, String problem) {
        @Override
        public String toString() { return name; }
    }

    static Row row(String name, Scenario request, int status, String problem) {
        return new Row(name, t -> null, request, status, problem);
    }

    /** The setup's result (a link code) is in {@code t.lastSetup} for the request. */
    static Row after(String name, Setup setup, Scenario request, int status, String problem) {
        return new Row(name, setup, request, status, problem);
    }

    Object lastSetup;

    String lastCode() { return (String) lastSetup; }

    SignupApi.Response as(String method, String path, String user, String token, String type, String body) throws Exception {
        return api.request(method, path, user, token, type, body);
    }

    Stream<Arguments> rows() {
        String redeemBig = "{\"code\":\"aaaaaaaa-aaaaaaaaaaaaaaaaaaaa\",\"name\":\"" + "x".repeat(5000) + "\"}";
        return Stream.of(
                // POST /v1/devices/link-codes
                row("link code without credentials", t -> t.as("POST", CODES, null, null, null, null), 401, "unauthorized"),
                row("link code with a wrong token", t -> t.as("POST", CODES, t.alice.jid(), t.alice.token() + "x", null, null), 401, "unauthorized"),
                row("link code for an unknown account", t -> t.as("POST", CODES, "447400999999", t.alice.token(), null, null), 401, "unauthorized"),
                row("link code for another domain", t -> t.as("POST", CODES, t.alice.user() + "@elsewhere.example", t.alice.token(), null, null), 401, "unauthorized"),
                row("link code with a full JID", t -> t.as("POST", CODES, t.alice.jid() + "/phone", t.alice.token(), null, null), 401, "unauthorized"),
                row("link code with bearer auth", t -> t.api.send("POST", CODES, "Bearer " + t.alice.token()), 401, "unauthorized"),
                row("link code from a linked device", t -> t.as("POST", CODES, t.aliceWeb.jid(), t.aliceWeb.token(), null, null), 403, "primary-only"),
                row("link code with an unknown field", t -> t.as("POST", CODES, t.alice.jid(), t.alice.token(), JSON, "{\"ttl\":\"9999\"}"), 400, "invalid-request"),
                row("link code with a text body", t -> t.as("POST", CODES, t.alice.jid(), t.alice.token(), "text/plain", "please"), 415, "unsupported-media-type"),
                row("link code with malformed JSON", t -> t.as("POST", CODES, t.alice.jid(), t.alice.token(), JSON, "{"), 400, "invalid-json"),
                // POST /v1/devices
                row("redeem without name", t -> t.api.postJson(DEVICES, "{\"code\":\"aaaaaaaa-aaaaaaaaaaaaaaaaaaaa\"}"), 400, "invalid-request"),
                row("redeem without code", t -> t.api.postJson(DEVICES, "{\"name\":\"web\"}"), 400, "invalid-request"),
                after("redeem with an unknown field", t -> t.code(), t -> t.api.postJson(DEVICES,
                        "{\"code\":\"" + t.lastCode() + "\",\"name\":\"web\",\"primary\":\"yes\"}"), 400, "invalid-request"),
                row("redeem with a numeric code", t -> t.api.postJson(DEVICES, "{\"code\":12345,\"name\":\"web\"}"), 400, "invalid-request"),
                row("redeem with a malformed code", t -> t.api.redeem("not-a-code", "web"), 400, "invalid-request"),
                after("redeem with an empty name", t -> t.code(), t -> t.api.redeem(t.lastCode(), "  "), 400, "invalid-request"),
                after("redeem with a name too long", t -> t.code(), t -> t.api.redeem(t.lastCode(), "n".repeat(65)), 400, "invalid-request"),
                after("redeem with a control character in the name", t -> t.code(), t -> t.api.redeem(t.lastCode(), "web\\u0007"), 400, "invalid-request"),
                after("redeem as text", t -> t.code(), t -> t.api.post(DEVICES, "text/plain",
                        "{\"code\":\"" + t.lastCode() + "\",\"name\":\"web\"}"), 415, "unsupported-media-type"),
                after("redeem without content type", t -> t.code(), t -> t.api.post(DEVICES, null,
                        "{\"code\":\"" + t.lastCode() + "\",\"name\":\"web\"}"), 415, "unsupported-media-type"),
                row("redeem with malformed JSON", t -> t.api.postJson(DEVICES, "{\"code\":"), 400, "invalid-json"),
                row("redeem with an oversized body", t -> t.api.postJson(DEVICES, redeemBig), 413, "body-too-large"),
                row("redeem an unknown code", t -> t.api.redeem("aaaaaaaa-aaaaaaaaaaaaaaaaaaaa", "web"), 404, "link-code-not-found"),
                after("redeem with a wrong secret", t -> t.code(), t -> t.api.redeem(wrongSecret(t.lastCode()), "web"), 403, "link-code-wrong"),
                after("redeem the fifth wrong secret", t -> {
                    String code = t.code();
                    for (int i = 0; i < 4; i++) t.api.redeem(wrongSecret(code), "web");
                    return code;
                }, t -> t.api.redeem(wrongSecret(t.lastCode()), "web"), 410, "too-many-attempts"),
                after("redeem the right code after five wrong", t -> {
                    String code = t.code();
                    for (int i = 0; i < 5; i++) t.api.redeem(wrongSecret(code), "web");
                    return code;
                }, t -> t.api.redeem(t.lastCode(), "web"), 410, "too-many-attempts"),
                after("redeem an expired code", t -> {
                    String code = t.code();
                    t.clock.advance(Duration.ofSeconds(300));
                    return code;
                }, t -> t.api.redeem(t.lastCode(), "web"), 410, "link-code-expired"),
                after("redeem a code twice", t -> {
                    String code = t.code();
                    SignupApi.Response first = t.api.redeem(code, "kept");
                    assertThat(first.status()).isEqualTo(201);
                    // Unlinked again outside the snapshot, so the next rows start from the same devices.
                    assertThat(t.api.revoke(t.alice.jid(), t.alice.token(), first.json().get("device").asText()).status()).isEqualTo(204);
                    return code;
                }, t -> t.api.redeem(t.lastCode(), "again"), 410, "link-code-used"),
                after("redeem a replaced code", t -> {
                    String code = t.code();
                    t.code();
                    return code;
                }, t -> t.api.redeem(t.lastCode(), "web"), 410, "link-code-replaced"),
                // GET /v1/devices
                row("list without credentials", t -> t.as("GET", DEVICES, null, null, null, null), 401, "unauthorized"),
                row("list with a wrong token", t -> t.as("GET", DEVICES, t.alice.jid(), t.bob.token(), null, null), 401, "unauthorized"),
                // DELETE /v1/devices/{id}
                row("unlink without credentials", t -> t.as("DELETE", DEVICES + "/" + t.aliceWeb.id(), null, null, null, null), 401, "unauthorized"),
                row("unlink with a wrong token", t -> t.api.revoke(t.alice.jid(), t.aliceWeb.token() + "x", t.aliceWeb.id()), 401, "unauthorized"),
                row("unlink another account's device", t -> t.api.revoke(t.alice.jid(), t.alice.token(), t.bobWeb.id()), 404, "device-not-found"),
                row("unlink an unknown device", t -> t.api.revoke(t.alice.jid(), t.alice.token(), "AAAAAAAAAAA"), 404, "device-not-found"),
                row("unlink the primary", t -> t.api.revoke(t.alice.jid(), t.alice.token(), "primary"), 404, "device-not-found"),
                after("unlink another device from a linked one", t -> {
                    SignupApi.Device cli = t.api.link(t.alice, "cli");
                    t.lastSetup = cli;
                    return cli;
                }, t -> t.api.revoke(((SignupApi.Device) t.lastSetup).jid(), ((SignupApi.Device) t.lastSetup).token(), t.aliceWeb.id()),
                        403, "primary-only"),
                // PUT and DELETE /v1/account/pin
                row("PIN set from a linked device", t -> t.api.pin("PUT", t.aliceWeb.jid(), t.aliceWeb.token(), "{\"pin\":\"1111\"}"),
                        403, "primary-only"),
                row("PIN removed from a linked device", t -> t.api.pin("DELETE", t.aliceWeb.jid(), t.aliceWeb.token(), null),
                        403, "primary-only"),
                // DELETE /v1/accounts/me
                row("delete without credentials", t -> t.api.deleteAccount(null, null, null), 401, "unauthorized"),
                row("delete with a wrong token", t -> t.api.deleteAccount(t.alice.jid(), t.alice.token() + "x", "2468"), 401, "unauthorized"),
                row("delete from a linked device", t -> t.api.deleteAccount(t.aliceWeb.jid(), t.aliceWeb.token(), "2468"), 403, "primary-only"),
                row("delete without the PIN", t -> t.api.deleteAccount(t.alice.jid(), t.alice.token(), null), 403, "pin-required"),
                row("delete with a wrong PIN", t -> t.api.deleteAccount(t.alice.jid(), t.alice.token(), "1357"), 403, "pin-wrong"),
                row("delete with a malformed PIN", t -> t.api.deleteAccount(t.alice.jid(), t.alice.token(), "24"), 400, "invalid-request"),
                row("delete with an unknown field", t -> t.as("DELETE", ME, t.alice.jid(), t.alice.token(), JSON,
                        "{\"pin\":\"2468\",\"confirm\":\"yes\"}"), 400, "invalid-request"),
                row("delete with a text body", t -> t.as("DELETE", ME, t.alice.jid(), t.alice.token(), "text/plain", "2468"), 415, "unsupported-media-type"),
                row("delete with malformed JSON", t -> t.as("DELETE", ME, t.alice.jid(), t.alice.token(), JSON, "{\"pin\":"), 400, "invalid-json")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithItsProblemAndNothingChanged(Row row) throws Exception {
        lastSetup = row.setup().run(this);
        Snapshot before = snapshot();

        SignupApi.Response r = row.request().run(this);

        assertThat(r.status()).as("status of %s", r).isEqualTo(row.status());
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problem()).as("problem of %s", r).isEqualTo(row.problem());
        assertThat(r.json().get("status").asInt()).isEqualTo(row.status());
        assertThat(r.json().get("title").asText()).isNotBlank();
        assertThat(r.json().get("detail").asText()).isNotBlank();
        if (row.problem().equals("invalid-request")) assertThat(r.json().get("errors")).isNotEmpty();
        if (row.status() == 401) assertThat(r.authenticate()).startsWith("Basic realm=");
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
        if (lastSetup instanceof SignupApi.Device d) api.revoke(alice.jid(), alice.token(), d.id()); // back to one device
    }

    @Test
    void redemptionsPerAddressAreLimitedAndTheRefusedOneChangesNothing() throws Exception {
        TestClock own = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (RunningTern limited = RunningTern.start(cfg -> cfg.devices.redeemPerAddress = SignupBadInputTest.window(2, 0), own);
             SignupApi client = new SignupApi(limited)) {
            SignupApi.Account carol = client.signUp("+447400123458");
            assertThat(client.redeem("aaaaaaaa-aaaaaaaaaaaaaaaaaaaa", "web").status()).isEqualTo(404);
            own.advance(Duration.ofSeconds(90));
            assertThat(client.redeem("bbbbbbbb-aaaaaaaaaaaaaaaaaaaa", "web").status()).isEqualTo(404);
            String code = client.linkCode(carol);

            SignupApi.Response r = client.redeem(code, "web");

            assertThat(r.status()).isEqualTo(429);
            assertThat(r.problem()).isEqualTo("rate-limited");
            assertThat(r.json().get("limit").asText()).isEqualTo("redeem-address-hourly");
            assertThat(r.retryAfter()).isEqualTo(Long.toString(3600 - 90));
            assertThat(r.json().get("retryAfter").asLong()).isEqualTo(3600 - 90);
            var db = limited.server.database();
            assertThat(db.store(DeviceStore.class).list(carol.user())).isEmpty();
            assertThat(db.store(LinkCodeStore.class).get(code.substring(0, 8)).orElseThrow().attempts()).isZero();
        }
    }
}
