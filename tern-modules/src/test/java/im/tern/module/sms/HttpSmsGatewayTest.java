package im.tern.module.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway against a provider the test runs: what it posts where, and what counts as failure. */
class HttpSmsGatewayTest {
    record Received(String method, String uri, Map<String, List<String>> headers, String body) {}

    private static final Sms SMS = new Sms("+447400123456", "123456", "Your code: 123456 & \"more\"");

    private HttpServer provider;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private volatile long delayMillis;

    @BeforeEach
    void startProvider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"sid\":\"SM1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    private String base() { return "http://127.0.0.1:" + provider.getAddress().getPort(); }

    private HttpSmsGateway gateway(String url, String contentType, String body, Map<String, String> headers) {
        return new HttpSmsGateway(new HttpSmsGateway.Settings(url, "POST", headers, contentType, body,
                Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void twilioStyleFormPostCarriesUrlEncodedValuesAndTheConfiguredHeaders() throws Exception {
        gateway(base() + "/2010-04-01/Accounts/AC1/Messages.json", "application/x-www-form-urlencoded",
                "To=${to}&From=%2B15005550006&Body=${text}", Map.of("Authorization", "Basic QUMxOnNlY3JldA=="))
                .send(SMS);

        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri()).isEqualTo("/2010-04-01/Accounts/AC1/Messages.json");
        assertThat(r.headers().get("Authorization")).containsExactly("Basic QUMxOnNlY3JldA==");
        assertThat(r.headers().get("Content-type")).containsExactly("application/x-www-form-urlencoded");
        assertThat(r.body()).isEqualTo("To=%2B447400123456&From=%2B15005550006&Body=Your+code%3A+123456+%26+%22more%22");
    }

    @Test
    void jsonApiGetsEscapedStringsAndPlaceholdersInTheUrl() throws Exception {
        gateway(base() + "/v2/sms?dest=${to}", "application/json",
                "{\"to\":\"${to}\",\"otp\":\"${code}\",\"message\":\"${text}\"}", Map.of("X-Api-Key", "k1")).send(SMS);

        Received r = received.get(0);
        assertThat(r.uri()).isEqualTo("/v2/sms?dest=%2B447400123456");
        assertThat(r.headers().get("X-api-key")).containsExactly("k1");
        assertThat(r.headers().get("Content-type")).containsExactly("application/json");
        assertThat(r.body()).isEqualTo("{\"to\":\"+447400123456\",\"otp\":\"123456\",\"message\":\"Your code: 123456 & \\\"more\\\"\"}");
    }

    @Test
    void aNon2xxAnswerIsAFailure() {
        status.set(400);
        assertThatThrownBy(() -> gateway(base() + "/send", "application/json", "{}", Map.of()).send(SMS))
                .isInstanceOf(SmsException.class).hasMessageContaining("answered 400");
    }

    @Test
    void aSlowProviderIsAFailureAfterTheTimeout() {
        delayMillis = 1500;
        HttpSmsGateway slow = new HttpSmsGateway(new HttpSmsGateway.Settings(base() + "/send", "POST", Map.of(),
                "application/json", "{}", Duration.ofSeconds(1), Duration.ofMillis(300)));
        assertThatThrownBy(() -> slow.send(SMS)).isInstanceOf(SmsException.class).hasMessageContaining("did not answer");
    }

    @Test
    void anUnreachableProviderIsAFailure() {
        int port = provider.getAddress().getPort();
        provider.stop(0);
        assertThatThrownBy(() -> gateway("http://127.0.0.1:" + port + "/send", "application/json", "{}", Map.of()).send(SMS))
                .isInstanceOf(SmsException.class).hasMessageContaining("unreachable");
    }
}
