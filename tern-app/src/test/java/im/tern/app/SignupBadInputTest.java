package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.store.PinStore;
import im.tern.store.UserStore;
import im.tern.store.VerificationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the sign-up API, one row each: the status and problem type documented in
 * docs/api/openapi.yaml, Retry-After where the answer is "later", and nothing created by the refused request
 * (no account, no verification, no SMS, no PIN). Each row runs on a fresh server whose clock starts on the hour.
 */
class SignupBadInputTest {
    static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    static final String UK = "+447400123456";
    static final String UK2 = "+447400123457";
    static final String UK3 = "+447400123458";
    static final String FR = "+33612345678";
    static final String US = "+14155550123";
    static final List<String> PHONES = List.of(UK, UK2, UK3, FR, US);
    static final String VERIFY = "/v1/verifications";
    static final String ACCOUNTS = "/v1/accounts";

    /** What a row may use; {@link #checkpoint()} marks where the refused request starts (else at the start). */
    static final class Run {
        final RunningTern tern;
        final SignupApi api;
        final TestClock clock;
        Snapshot before;

        Run(RunningTern tern, SignupApi api, TestClock clock) {
            this.tern = tern;
            this.api = api;
            this.clock = clock;
            this.before = snapshot();
        }

        void checkpoint() { before = snapshot(); }

        Snapshot snapshot() {
            var db = tern.server.database();
            long verifications = PHONES.stream().mapToLong(p -> db.store(VerificationStore.class).recent(p, Instant.EPOCH).count()).sum();
            long pins = PHONES.stream().filter(p -> db.store(PinStore.class).get(p.substring(1)).isPresent()).count();
            return new Snapshot(db.store(UserStore.class).count(), verifications, api.messages().size(), pins);
        }

        void wait(int seconds) { clock.advance(Duration.ofSeconds(seconds)); }

        String code(String phone) { return api.lastCode(phone); }
    }

    record Snapshot(long users, long verifications, int sms, long pins) {}

    @FunctionalInterface
    interface Scenario {
        SignupApi.Response run(Run r) throws Exception;
    }

    record Row(String name, Consumer<TernConfig> config, Scenario scenario, int status, String problem, String retryAfter) {
        @Override
        public String toString() { return name; }
    }

    static Row row(String name, Scenario s, int status, String problem) {
        return new Row(name, c -> {}, s, status, problem, null);
    }

    static Row limited(String name, Consumer<TernConfig> config, Scenario s, String problem, long retryAfter) {
        return new Row(name, config, s, 429, problem, Long.toString(retryAfter));
    }

    static SignupApi.Response code(Run r, String phone) throws Exception { return r.api.requestCode(phone); }

    static SignupApi.Response json(Run r, String path, String body) throws Exception { return r.api.postJson(path, body); }

    /** Three code requests for one number, past each cool-down: the third is refused (at 92 s past the hour). */
    static SignupApi.Response thirdForOneNumber(Run r) throws Exception {
        r.api.verification(UK);
        r.wait(31);
        r.api.verification(UK);
        r.wait(61);
        r.checkpoint();
        return code(r, UK);
    }

    static Scenario threeNumbers(String a, String b, String c) {
        return r -> {
            r.api.verification(a);
            r.api.verification(b);
            r.checkpoint();
            return code(r, c);
        };
    }

    static Stream<Arguments> rows() {
        String big = "{\"phone\":\"" + UK + "\",\"region\":\"" + "G".repeat(5000) + "\"}";
        return Stream.of(
                // POST /v1/verifications: the number
                row("malformed number", r -> json(r, VERIFY, "{\"phone\":\"call me maybe\"}"), 422, "invalid-phone"),
                row("local number without region", r -> json(r, VERIFY, "{\"phone\":\"07400 123456\"}"), 422, "invalid-phone"),
                row("impossible number", r -> json(r, VERIFY, "{\"phone\":\"+4412\"}"), 422, "invalid-phone"),
                row("number in no plan", r -> json(r, VERIFY, "{\"phone\":\"+447700900123\"}"), 422, "invalid-phone"),
                row("fixed-line number", r -> json(r, VERIFY, "{\"phone\":\"+442079460000\"}"), 422, "invalid-phone"),
                row("toll-free number", r -> json(r, VERIFY, "{\"phone\":\"+448001234567\"}"), 422, "invalid-phone"),
                row("unknown region", r -> json(r, VERIFY, "{\"phone\":\"07400123456\",\"region\":\"XX\"}"), 422, "invalid-phone"),
                // POST /v1/verifications: the body
                row("missing phone", r -> json(r, VERIFY, "{\"region\":\"GB\"}"), 400, "invalid-request"),
                row("extra field", r -> json(r, VERIFY, "{\"phone\":\"" + UK + "\",\"name\":\"Alice\"}"), 400, "invalid-request"),
                row("phone not a string", r -> json(r, VERIFY, "{\"phone\":447400123456}"), 400, "invalid-request"),
                row("malformed JSON", r -> json(r, VERIFY, "{\"phone\":\"" + UK), 400, "invalid-json"),
                row("JSON not an object", r -> json(r, VERIFY, "[\"" + UK + "\"]"), 400, "invalid-json"),
                row("wrong content type", r -> r.api.post(VERIFY, "text/plain", "{\"phone\":\"" + UK + "\"}"), 415, "unsupported-media-type"),
                row("form content type", r -> r.api.post(VERIFY, "application/x-www-form-urlencoded", "phone=" + UK), 415, "unsupported-media-type"),
                row("oversized body", r -> json(r, VERIFY, big), 413, "body-too-large"),
                new Row("SMS gateway failure", c -> {
                    c.signup.sms.gateway = "http";
                    c.signup.sms.http.url = "http://127.0.0.1:9/unreachable";
                    c.signup.sms.http.connectTimeoutSeconds = 2;
                }, r -> code(r, UK), 502, "sms-failed", null),
                // POST /v1/verifications: resend cool-down and abuse limits
                limited("resend too soon", c -> {}, r -> {
                    r.api.verification(UK);
                    r.wait(10);
                    r.checkpoint();
                    return code(r, UK);
                }, "resend-too-soon", 20),
                limited("resend cool-down doubles", c -> {}, r -> {
                    r.api.verification(UK);
                    r.wait(31);
                    r.api.verification(UK);
                    r.checkpoint();
                    return code(r, UK);
                }, "resend-too-soon", 60),
                limited("per number per hour", c -> c.signup.limits.perNumber = window(2, 0),
                        SignupBadInputTest::thirdForOneNumber, "rate-limited", 3600 - 92),
                limited("per number per day", c -> c.signup.limits.perNumber = window(0, 2),
                        SignupBadInputTest::thirdForOneNumber, "rate-limited", 14 * 3600 - 92),
                limited("per address per hour", c -> c.signup.limits.perAddress = window(2, 0),
                        threeNumbers(UK, FR, US), "rate-limited", 3600),
                limited("per address per day", c -> c.signup.limits.perAddress = window(0, 2),
                        threeNumbers(UK, FR, US), "rate-limited", 14 * 3600),
                limited("per prefix per hour", c -> c.signup.limits.perPrefix = window(2, 0),
                        threeNumbers(UK, UK2, UK3), "rate-limited", 3600),
                limited("per prefix per day", c -> c.signup.limits.perPrefix = window(0, 2),
                        threeNumbers(UK, UK2, UK3), "rate-limited", 14 * 3600),
                // POST /v1/accounts
                row("wrong code", r -> {
                    String id = r.api.verification(UK);
                    r.checkpoint();
                    return r.api.createAccount(id, otherThan(r.code(UK)), null);
                }, 403, "code-wrong"),
                row("expired code", r -> {
                    String id = r.api.verification(UK);
                    r.wait(600);
                    r.checkpoint();
                    return r.api.createAccount(id, r.code(UK), null);
                }, 410, "verification-expired"),
                row("code used twice", r -> {
                    String id = r.api.verification(UK);
                    assertThat(r.api.createAccount(id, r.code(UK), null).status()).isEqualTo(201);
                    r.checkpoint();
                    return r.api.createAccount(id, r.code(UK), null);
                }, 410, "verification-used"),
                row("fifth wrong code", r -> {
                    String id = r.api.verification(UK);
                    for (int i = 0; i < 4; i++) r.api.createAccount(id, otherThan(r.code(UK)), null);
                    r.checkpoint();
                    return r.api.createAccount(id, otherThan(r.code(UK)), null);
                }, 410, "too-many-attempts"),
                row("right code after five wrong", r -> {
                    String id = r.api.verification(UK);
                    for (int i = 0; i < 5; i++) r.api.createAccount(id, otherThan(r.code(UK)), null);
                    r.checkpoint();
                    return r.api.createAccount(id, r.code(UK), null);
                }, 410, "too-many-attempts"),
                row("code replaced by a newer one", r -> {
                    String id = r.api.verification(UK);
                    String first = r.code(UK);
                    r.wait(31);
                    r.api.verification(UK);
                    r.checkpoint();
                    return r.api.createAccount(id, first, null);
                }, 410, "verification-replaced"),
                row("unknown verification", r -> r.api.createAccount("AAAAAAAAAAAAAAAAAAAAAA", "123456", null), 404, "verification-not-found"),
                row("code not six digits", r -> {
                    String id = r.api.verification(UK);
                    r.checkpoint();
                    return r.api.createAccount(id, "12345", null);
                }, 400, "invalid-request"),
                row("missing code", r -> json(r, ACCOUNTS, "{\"verification\":\"AAAA\"}"), 400, "invalid-request"),
                row("extra field in account request", r -> {
                    String id = r.api.verification(UK);
                    r.checkpoint();
                    return json(r, ACCOUNTS, "{\"verification\":\"" + id + "\",\"code\":\"" + r.code(UK) + "\",\"admin\":\"yes\"}");
                }, 400, "invalid-request"),
                row("account request not JSON", r -> {
                    String id = r.api.verification(UK);
                    r.checkpoint();
                    return r.api.post(ACCOUNTS, "text/plain", "{\"verification\":\"" + id + "\",\"code\":\"" + r.code(UK) + "\"}");
                }, 415, "unsupported-media-type"),
                row("malformed account JSON", r -> json(r, ACCOUNTS, "{\"verification\":"), 400, "invalid-json"),
                // PUT /v1/account/pin
                row("PIN without credentials", r -> r.api.pin("PUT", null, null, "{\"pin\":\"1234\"}"), 401, "unauthorized"),
                row("PIN with a wrong token", r -> {
                    SignupApi.Account a = r.api.signUp(UK);
                    r.checkpoint();
                    return r.api.pin("PUT", a.jid(), a.token() + "x", "{\"pin\":\"1234\"}");
                }, 401, "unauthorized"),
                row("PIN too short", r -> {
                    SignupApi.Account a = r.api.signUp(UK);
                    r.checkpoint();
                    return r.api.pin("PUT", a.jid(), a.token(), "{\"pin\":\"123\"}");
                }, 400, "invalid-request"),
                row("PIN not digits", r -> {
                    SignupApi.Account a = r.api.signUp(UK);
                    r.checkpoint();
                    return r.api.pin("PUT", a.jid(), a.token(), "{\"pin\":\"abcd\"}");
                }, 400, "invalid-request")
        ).map(Arguments::of);
    }

    static SignupConfig.Window window(int hour, int day) {
        SignupConfig.Window w = new SignupConfig.Window();
        w.hour = hour;
        w.day = day;
        return w;
    }

    static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithItsProblemAndNothingCreated(Row row) throws Exception {
        TestClock clock = new TestClock(START);
        try (RunningTern tern = RunningTern.start(row.config(), clock); SignupApi api = new SignupApi(tern)) {
            Run run = new Run(tern, api, clock);

            SignupApi.Response r = row.scenario().run(run);

            assertThat(r.status()).as("status of %s", r).isEqualTo(row.status());
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problem()).as("problem of %s", r).isEqualTo(row.problem());
            assertThat(r.json().get("status").asInt()).isEqualTo(row.status());
            assertThat(r.json().get("title").asText()).isNotBlank();
            assertThat(r.json().get("detail").asText()).isNotBlank();
            if (row.retryAfter() == null) {
                assertThat(r.retryAfter()).isNull();
            } else {
                assertThat(r.retryAfter()).isEqualTo(row.retryAfter());
                assertThat(r.json().get("retryAfter").asText()).isEqualTo(row.retryAfter());
            }
            if (row.problem().equals("invalid-request") || row.problem().equals("invalid-phone")) assertThat(r.json().get("errors")).isNotEmpty();
            if (row.status() == 401) assertThat(r.authenticate()).startsWith("Basic realm=");
            assertThat(run.snapshot()).as("nothing created").isEqualTo(run.before);
        }
    }
}
