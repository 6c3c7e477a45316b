package im.tern.module.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.tern.core.http.HttpRequest;
import im.tern.core.http.HttpResponse;
import im.tern.module.sms.Sms;
import im.tern.module.sms.SmsException;
import im.tern.module.sms.SmsGateway;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.UserStore;
import im.tern.store.VerificationStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-up handlers on the module harness: concurrency at the code, gateway failure, sessions of a taken-over account. */
class SignupModuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "+447400123456";

    @TempDir Path dir;
    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private volatile boolean gatewayDown;
    private TestServer server;

    @BeforeEach
    void start() {
        SmsGateway gateway = sms -> {
            if (gatewayDown) throw new SmsException("provider down");
            sent.add(sms);
        };
        server = new TestServer(dir, new SignupModule(SignupSettings.defaults(), gateway));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse post(String path, String body) {
        HttpRequest r = new HttpRequest("POST", path, Map.of(), Map.of(), Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), "192.0.2.1");
        return server.http().match("POST", path).handler().handle(r).toCompletableFuture().join();
    }

    private static JsonNode json(HttpResponse r) throws Exception {
        return JSON.readTree(r.body());
    }

    private String verification() throws Exception {
        HttpResponse r = post("/v1/verifications", "{\"phone\":\"" + PHONE + "\"}");
        assertThat(r.status()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    private HttpResponse account(String id, String code) {
        return post("/v1/accounts", "{\"verification\":\"" + id + "\",\"code\":\"" + code + "\"}");
    }

    @Test
    void concurrentGuessesGetNoMoreThanFiveAttempts() throws Exception {
        String id = verification();
        String right = sent.get(0).code();
        List<CompletableFuture<HttpResponse>> guesses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 30; i++) {
                String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
                guesses.add(CompletableFuture.supplyAsync(() -> account(id, guess), clients));
            }
        } finally {
            clients.shutdown();
        }
        List<Integer> statuses = guesses.stream().map(CompletableFuture::join).map(HttpResponse::status).toList();

        assertThat(statuses.stream().filter(s -> s == 403)).hasSize(4);
        assertThat(statuses.stream().filter(s -> s == 410)).hasSize(26);
        assertThat(server.store(VerificationStore.class).get(id).orElseThrow().attempts()).isEqualTo(5);
        HttpResponse late = account(id, right);
        assertThat(late.status()).isEqualTo(410);
        assertThat(json(late).get("type").asText()).isEqualTo("urn:tern:problem:too-many-attempts");
        assertThat(server.store(UserStore.class).count()).isZero();
    }

    @Test
    void aCodeTheGatewayRefusedLeavesNoVerification() throws Exception {
        gatewayDown = true;
        HttpResponse r = post("/v1/verifications", "{\"phone\":\"" + PHONE + "\"}");

        assertThat(r.status()).isEqualTo(502);
        assertThat(json(r).get("type").asText()).isEqualTo("urn:tern:problem:sms-failed");
        assertThat(server.store(VerificationStore.class).recent(PHONE, Instant.EPOCH).count()).isZero();
        gatewayDown = false;
        assertThat(post("/v1/verifications", "{\"phone\":\"" + PHONE + "\"}").status()).isEqualTo(201); // no cool-down left behind
    }

    @Test
    void takingAnAccountOverClosesItsSessionsWithNotAuthorized() throws Exception {
        String id = verification();
        assertThat(account(id, sent.get(0).code()).status()).isEqualTo(201);
        TestSession oldPhone = server.login("447400123456", "phone");
        TestSession other = server.login("447400123457", "phone");

        server.store(VerificationStore.class).purge(Instant.now().plusSeconds(60)); // no cool-down for this test
        String again = verification();
        HttpResponse taken = account(again, sent.get(1).code());

        assertThat(taken.status()).isEqualTo(201);
        assertThat(json(taken).get("jid").asText()).isEqualTo("447400123456@example.com");
        assertThat(oldPhone.closedWith()).isEqualTo("not-authorized");
        assertThat(other.closedWith()).isNull();
    }
}
