package im.tern.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * A client of the sign-up API over HTTPS (trusting the test server's certificate), which reads the codes
 * the {@code log} SMS gateway writes to the {@code tern.sms} logger. Close it to detach from the logger.
 */
final class SignupApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SMS_LINE = Pattern.compile("sms to=(\\+[0-9]+) code=([0-9]{6})");

    /** An answer: status, the headers that matter here, and the body parsed as JSON (null when empty). */
    record Response(int status, String contentType, String retryAfter, String authenticate, JsonNode json) {
        String problem() { return json == null || !json.has("type") ? null : json.get("type").asText().replace("urn:tern:problem:", ""); }

        @Override
        public String toString() { return status + " " + json; }
    }

    record Account(String jid, String token) {
        String user() { return jid.substring(0, jid.indexOf('@')); }
    }

    private final HttpClient http;
    private final String base;
    private final ListAppender<ILoggingEvent> smsLog = new ListAppender<>();
    private final Logger smsLogger = (Logger) LoggerFactory.getLogger("tern.sms");

    SignupApi(RunningTern tern) throws Exception {
        this.http = HttpClient.newBuilder().sslContext(TrustAllTls.context()).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "https://127.0.0.1:" + tern.server.httpPort();
        smsLog.start();
        smsLogger.addAppender(smsLog);
    }

    Response post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    Response postJson(String path, String json) throws Exception {
        return post(path, "application/json", json);
    }

    /** PUT or DELETE on the PIN, authenticated with HTTP Basic when {@code user} is not null. */
    Response pin(String method, String user, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/account/pin")).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        return send(b.build());
    }

    /**
     * Any request: HTTP Basic with {@code user:token} when {@code user} is not null, a body of the given content
     * type when {@code body} is not null (a null content type sends none).
     */
    Response request(String method, String path, String user, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && contentType != null) b.header("Content-Type", contentType);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)));
        }
        return send(b.build());
    }

    /** A request with only an {@code Authorization} header as given (for schemes other than Basic). */
    Response send(String method, String path, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization).build());
    }

    /** A linked device as the API answers a redemption. */
    record Device(String jid, String id, String token) {
        String user() { return jid.substring(0, jid.indexOf('@')); }
    }

    /** POST /v1/devices/link-codes as {@code user:token}; the answer as is. */
    Response createLinkCode(String user, String token) throws Exception {
        return request("POST", "/v1/devices/link-codes", user, token, null, null);
    }

    /** A link code made by the account's primary device; fails unless it was made. */
    String linkCode(Account account) throws Exception {
        Response r = createLinkCode(account.jid(), account.token());
        if (r.status() != 201) throw new AssertionError("link code for " + account.jid() + " answered " + r);
        return r.json().get("code").asText();
    }

    /** POST /v1/devices with the code and a device name, no credentials. */
    Response redeem(String code, String name) throws Exception {
        return postJson("/v1/devices", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}");
    }

    /** Links a new device to the account: a code from its primary device, redeemed. */
    Device link(Account account, String name) throws Exception {
        Response r = redeem(linkCode(account), name);
        if (r.status() != 201) throw new AssertionError("linking " + name + " answered " + r);
        return new Device(r.json().get("jid").asText(), r.json().get("device").asText(), r.json().get("token").asText());
    }

    Response devices(String user, String token) throws Exception {
        return request("GET", "/v1/devices", user, token, null, null);
    }

    Response revoke(String user, String token, String device) throws Exception {
        return request("DELETE", "/v1/devices/" + device, user, token, null, null);
    }

    /** DELETE /v1/accounts/me, with {@code {"pin":...}} when {@code pin} is not null. */
    Response deleteAccount(String user, String token, String pin) throws Exception {
        return request("DELETE", "/v1/accounts/me", user, token, "application/json", pin == null ? null : "{\"pin\":\"" + pin + "\"}");
    }

    private Response send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
        return new Response(r.statusCode(), r.headers().firstValue("content-type").orElse(null),
                r.headers().firstValue("retry-after").orElse(null), r.headers().firstValue("www-authenticate").orElse(null), json);
    }

    /** POST /v1/verifications for the number; the answer as is. */
    Response requestCode(String phone) throws Exception {
        return postJson("/v1/verifications", "{\"phone\":\"" + phone + "\"}");
    }

    /** Asks for a code and expects it sent; returns the verification id. */
    String verification(String phone) throws Exception {
        Response r = requestCode(phone);
        if (r.status() != 201) throw new AssertionError("code request for " + phone + " answered " + r);
        return r.json().get("id").asText();
    }

    Response createAccount(String verification, String code, String pin) throws Exception {
        String pinField = pin == null ? "" : ",\"pin\":\"" + pin + "\"";
        return postJson("/v1/accounts", "{\"verification\":\"" + verification + "\",\"code\":\"" + code + "\"" + pinField + "}");
    }

    /** The whole flow: a code by SMS, read from the log, turned into an account. */
    Account signUp(String phone) throws Exception {
        String id = verification(phone);
        Response r = createAccount(id, lastCode(phone), null);
        if (r.status() != 201) throw new AssertionError("sign-up of " + phone + " answered " + r);
        return new Account(r.json().get("jid").asText(), r.json().get("token").asText());
    }

    /** Every SMS the log gateway wrote so far, as [to, code]. */
    List<String[]> messages() {
        return smsLog.list.stream().map(e -> SMS_LINE.matcher(e.getFormattedMessage()))
                .filter(Matcher::matches).map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    String lastCode(String phone) {
        List<String[]> sent = messages().stream().filter(m -> m[0].equals(phone)).toList();
        if (sent.isEmpty()) throw new AssertionError("no SMS to " + phone + " in the log");
        return sent.get(sent.size() - 1)[1];
    }

    @Override
    public void close() {
        smsLogger.detachAppender(smsLog);
        smsLog.stop();
    }
}
