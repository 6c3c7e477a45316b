package im.tern.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A client of the account APIs over HTTPS (profile, privacy, contact discovery), authenticated with HTTP Basic. */
final class AccountApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    AccountApi(RunningTern tern) throws Exception {
        this.http = HttpClient.newBuilder().sslContext(TrustAllTls.context()).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "https://127.0.0.1:" + tern.server.httpPort();
    }

    SignupApi.Response get(String path, SignupApi.Account as) throws Exception {
        return call("GET", path, as, null, null);
    }

    SignupApi.Response put(String path, SignupApi.Account as, String json) throws Exception {
        return call("PUT", path, as, "application/json", json);
    }

    SignupApi.Response post(String path, SignupApi.Account as, String json) throws Exception {
        return call("POST", path, as, "application/json", json);
    }

    /** Any request; {@code as} null sends no credentials, a null content type no Content-Type header. */
    SignupApi.Response call(String method, String path, SignupApi.Account as, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (as != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((as.jid() + ":" + as.token()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new SignupApi.Response(r.statusCode(), r.headers().firstValue("content-type").orElse(null),
                r.headers().firstValue("retry-after").orElse(null), r.headers().firstValue("www-authenticate").orElse(null), json);
    }
}
