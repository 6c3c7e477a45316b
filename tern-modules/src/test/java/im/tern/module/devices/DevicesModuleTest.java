package im.tern.module.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.core.module.Events;
import im.tern.module.testing.ManualClock;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.server.module.HttpRouteRegistry;
import im.tern.store.DeviceStore;
import im.tern.store.LinkCodeStore;
import im.tern.xml.Element;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linked devices on the module harness: link codes, their limits, listing and revoking, and the link-code IQ. */
class DevicesModuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "alice:secret"; // the harness gives every account the password "secret"

    @TempDir Path dir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));
    private TestServer server;

    @BeforeEach
    void start() {
        start(new DeviceSettings(Duration.ofMinutes(5), 5, 4, new DeviceSettings.Limit(0, 0), 4096));
    }

    private void start(DeviceSettings settings) {
        if (server != null) server.close();
        server = new TestServer(dir, clock, new DevicesModule(settings));
        server.account("alice");
        server.account("bob");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse call(String method, String path, String basic, String body) {
        Map<String, String> headers = new HashMap<>();
        if (body != null) headers.put("content-type", "application/json");
        if (basic != null) {
            headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRouteRegistry.Match m = server.http().match(method, path);
        HttpRequest r = new HttpRequest(method, path, m.params(), Map.of(), headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "192.0.2.1");
        return m.handler().handle(r).toCompletableFuture().join();
    }

    private static JsonNode json(HttpResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String problem(HttpResponse r) throws Exception {
        return json(r).get("type").asText().replace("urn:tern:problem:", "");
    }

    private String linkCode(String basic) throws Exception {
        HttpResponse r = call("POST", "/v1/devices/link-codes", basic, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return json(r).get("code").asText();
    }

    private HttpResponse redeem(String code, String name) {
        return call("POST", "/v1/devices", null, "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
    }

    /** Links a device to alice; returns [device id, token]. */
    private String[] link(String name) throws Exception {
        HttpResponse r = redeem(linkCode(ALICE), name);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new String[] {json(r).get("device").asText(), json(r).get("token").asText()};
    }

    @Test
    void aRedeemedCodeGivesTheNewDeviceItsOwnTokenOnTheAccount() throws Exception {
        HttpResponse created = call("POST", "/v1/devices/link-codes", ALICE, null);
        assertThat(created.status()).isEqualTo(201);
        String code = json(created).get("code").asText();
        assertThat(code).matches("[a-z2-7]{8}-[a-z2-7]{20}");
        assertThat(json(created).get("expiresIn").asInt()).isEqualTo(300);
        // The store keeps a hash of the secret, never the code.
        LinkCodeStore.LinkCode stored = server.store(LinkCodeStore.class).get(code.substring(0, 8)).orElseThrow();
        assertThat(new String(stored.secretHash(), StandardCharsets.ISO_8859_1)).doesNotContain(code.substring(9));

        HttpResponse r = redeem(code.toUpperCase(), "Firefox on laptop");
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = json(r);
        assertThat(body.get("jid").asText()).isEqualTo("alice@example.com");
        assertThat(body.get("device").asText()).matches("[A-Za-z0-9_-]{11}");
        assertThat(body.get("token").asText()).matches("[A-Za-z0-9_-]{43}");
        AccountCredentials creds = server.store(DeviceStore.class).credentials("alice").orElseThrow();
        assertThat(creds.deviceOf(body.get("token").asText())).isEqualTo(body.get("device").asText());
        assertThat(creds.deviceOf("secret")).isEqualTo(AccountCredentials.PRIMARY);

        HttpResponse listed = call("GET", "/v1/devices", "alice@example.com:" + body.get("token").asText(), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(json(listed).get("max").asInt()).isEqualTo(4);
        assertThat(json(listed).get("devices")).hasSize(1);
        assertThat(json(listed).get("devices").get(0).get("name").asText()).isEqualTo("Firefox on laptop");
        assertThat(json(listed).get("devices").get(0).get("linked").asText()).isEqualTo("2026-05-01T10:00:00Z");
    }

    @Test
    void aCodeWorksOnceForItsLifetimeAndANewerOneReplacesIt() throws Exception {
        String code = linkCode(ALICE);
        assertThat(redeem(code, "one").status()).isEqualTo(201);
        HttpResponse again = redeem(code, "two");
        assertThat(again.status()).isEqualTo(410);
        assertThat(problem(again)).isEqualTo("link-code-used");

        String old = linkCode(ALICE);
        String newer = linkCode(ALICE);
        assertThat(problem(redeem(old, "x"))).isEqualTo("link-code-replaced");

        clock.advance(Duration.ofSeconds(300));
        HttpResponse expired = redeem(newer, "late");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(problem(expired)).isEqualTo("link-code-expired");
        assertThat(problem(redeem("aaaaaaaa-aaaaaaaaaaaaaaaaaaaa", "x"))).isEqualTo("link-code-not-found");
        assertThat(server.store(DeviceStore.class).list("alice")).hasSize(1);
    }

    @Test
    void wrongSecretsAreCountedAndTheFifthKillsTheCode() throws Exception {
        String code = linkCode(ALICE);
        String wrong = code.substring(0, 9) + (code.charAt(9) == 'a' ? 'b' : 'a') + code.substring(10);
        for (int left = 4; left >= 1; left--) {
            HttpResponse r = redeem(wrong, "guess");
            assertThat(r.status()).isEqualTo(403);
            assertThat(problem(r)).isEqualTo("link-code-wrong");
            assertThat(json(r).get("attemptsLeft").asInt()).isEqualTo(left);
        }
        HttpResponse last = redeem(wrong, "guess");
        assertThat(last.status()).isEqualTo(410);
        assertThat(problem(last)).isEqualTo("too-many-attempts");
        HttpResponse right = redeem(code, "owner");
        assertThat(right.status()).isEqualTo(410);
        assertThat(problem(right)).isEqualTo("too-many-attempts");
        assertThat(server.store(DeviceStore.class).list("alice")).isEmpty();
    }

    @Test
    void concurrentGuessesGetNoMoreThanTheAllowedAttempts() throws Exception {
        String code = linkCode(ALICE);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<HttpResponse>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String guess = code.substring(0, 9) + String.format("%020d", i).replace('0', 'q').replace('1', 'r')
                        .replace('2', 's').replace('3', 't').replace('4', 'u').replace('5', 'v').replace('6', 'w')
                        .replace('7', 'x').replace('8', 'y').replace('9', 'z');
                tries.add(CompletableFuture.supplyAsync(() -> redeem(guess, "g"), clients));
            }
        } finally {
            clients.shutdown();
        }
        List<Integer> statuses = tries.stream().map(CompletableFuture::join).map(HttpResponse::status).toList();
        assertThat(statuses.stream().filter(s -> s == 403)).hasSize(4);
        assertThat(statuses.stream().filter(s -> s == 410)).hasSize(16);
        assertThat(server.store(LinkCodeStore.class).get(code.substring(0, 8)).orElseThrow().attempts()).isEqualTo(5);
    }

    @Test
    void aFifthDeviceIsRefusedWhenTheCodeIsMadeAndWhenItIsRedeemed() throws Exception {
        for (int i = 1; i <= 3; i++) link("device " + i);
        String fourth = linkCode(ALICE);
        // Another device fills the last place between making the code and redeeming it.
        var account = server.store(DeviceStore.class).credentials("alice").orElseThrow().primary();
        server.store(DeviceStore.class).add("alice", new DeviceStore.Device("zzzzzzzzzzz", "sneaky", clock.instant()),
                account.withPassword("other"), 4);
        HttpResponse full = redeem(fourth, "fifth");
        assertThat(full.status()).isEqualTo(409);
        assertThat(problem(full)).isEqualTo("too-many-devices");
        assertThat(json(full).get("max").asInt()).isEqualTo(4);

        HttpResponse refused = call("POST", "/v1/devices/link-codes", ALICE, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("too-many-devices");
        assertThat(server.store(DeviceStore.class).list("alice")).hasSize(4);
    }

    @Test
    void onlyThePrimaryLinksAndRevokesOthersButAnyDeviceListsAndMayUnlinkItself() throws Exception {
        String[] web = link("web");
        String[] cli = link("cli");
        String webBasic = "alice:" + web[1];

        HttpResponse notPrimary = call("POST", "/v1/devices/link-codes", webBasic, null);
        assertThat(notPrimary.status()).isEqualTo(403);
        assertThat(problem(notPrimary)).isEqualTo("primary-only");
        assertThat(call("GET", "/v1/devices", webBasic, null).status()).isEqualTo(200);
        HttpResponse other = call("DELETE", "/v1/devices/" + cli[0], webBasic, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(problem(other)).isEqualTo("primary-only");

        assertThat(call("DELETE", "/v1/devices/" + web[0], webBasic, null).status()).isEqualTo(204);
        assertThat(call("GET", "/v1/devices", webBasic, null).status()).isEqualTo(401); // its token is dead
        HttpResponse gone = call("DELETE", "/v1/devices/" + web[0], ALICE, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(problem(gone)).isEqualTo("device-not-found");
        assertThat(call("DELETE", "/v1/devices/primary", ALICE, null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v1/devices/" + cli[0], "bob:secret", null).status()).isEqualTo(404); // not bob's
        assertThat(call("DELETE", "/v1/devices/" + cli[0], ALICE, null).status()).isEqualTo(204);
        assertThat(server.store(DeviceStore.class).list("alice")).isEmpty();
    }

    @Test
    void revokingEndsExactlyThatDevicesSessions() throws Exception {
        String[] web = link("web");
        String[] cli = link("cli");
        TestSession phone = server.login("alice", "phone");
        TestSession webTab1 = server.login("alice", "web-1", web[0]);
        TestSession webTab2 = server.login("alice", "web-2", web[0]);
        TestSession cliSession = server.login("alice", "cli", cli[0]);
        TestSession bob = server.login("bob", "phone");

        assertThat(call("DELETE", "/v1/devices/" + web[0], ALICE, null).status()).isEqualTo(204);

        assertThat(webTab1.closedWith()).isEqualTo("not-authorized");
        assertThat(webTab1.closedText()).isEqualTo("this device was unlinked from the account");
        assertThat(webTab2.closedWith()).isEqualTo("not-authorized");
        assertThat(phone.closedWith()).isNull();
        assertThat(cliSession.closedWith()).isNull();
        assertThat(bob.closedWith()).isNull();
    }

    @Test
    void redemptionsPerAddressAreLimitedWithRetryAfter() throws Exception {
        start(new DeviceSettings(Duration.ofMinutes(5), 5, 4, new DeviceSettings.Limit(2, 0), 4096));
        assertThat(redeem("aaaaaaaa-aaaaaaaaaaaaaaaaaaaa", "x").status()).isEqualTo(404);
        assertThat(redeem("bbbbbbbb-aaaaaaaaaaaaaaaaaaaa", "x").status()).isEqualTo(404);
        String code = linkCode(ALICE);
        HttpResponse limited = redeem(code, "mine");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(problem(limited)).isEqualTo("rate-limited");
        assertThat(json(limited).get("limit").asText()).isEqualTo("redeem-address-hourly");
        assertThat(limited.headers().get("Retry-After")).isEqualTo("3600"); // the clock stands on the hour
        assertThat(server.store(LinkCodeStore.class).get(code.substring(0, 8)).orElseThrow().attempts()).isZero();
        clock.advance(Duration.ofHours(1)); // a fresh window
        assertThat(redeem(linkCode(ALICE), "mine").status()).isEqualTo(201);
    }

    @Test
    void thePrimarysSessionAsksForALinkCodeOverXmppAndALinkedDeviceMayNot() throws Exception {
        String[] web = link("web");
        TestSession phone = server.login("alice", "phone");
        TestSession webSession = server.login("alice", "web", web[0]);
        Element ask = Element.empty("link-code", DevicesModule.NAMESPACE);

        Element answer = server.iq(phone, "set", "alice@example.com", ask);
        assertThat(answer.attr("type")).isEqualTo("result");
        String code = answer.child("link-code", DevicesModule.NAMESPACE).attr("code");
        assertThat(answer.child("link-code", DevicesModule.NAMESPACE).attr("expires-in")).isEqualTo("300");
        assertThat(redeem(code, "from xmpp").status()).isEqualTo(201);

        Element refused = server.iq(webSession, "set", "alice@example.com", ask);
        assertThat(refused.attr("type")).isEqualTo("error");
        assertThat(refused.toXml()).contains("not-allowed");
        assertThat(server.iq(phone, "set", "bob@example.com", ask).toXml()).contains("forbidden");
    }

    @Test
    void deletingTheAccountDropsItsDevicesAndCodes() throws Exception {
        link("web");
        String code = linkCode(ALICE);
        server.fire(new Events.AccountDeleted(server.account("alice")));
        assertThat(server.store(DeviceStore.class).list("alice")).isEmpty();
        assertThat(server.store(LinkCodeStore.class).get(code.substring(0, 8))).isEmpty();
    }
}
