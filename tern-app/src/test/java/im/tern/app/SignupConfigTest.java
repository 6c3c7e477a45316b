package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import im.tern.module.signup.SignupSettings;
import im.tern.module.sms.HttpSmsGateway;
import im.tern.module.sms.LogSmsGateway;
import im.tern.module.sms.SmppSmsGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code signup} section: the documented sample is what the code defaults to, and each gateway is built from it. */
class SignupConfigTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);

        assertThat(sample.signup.settings()).isEqualTo(new SignupConfig().settings());
        assertThat(new SignupConfig().settings()).isEqualTo(SignupSettings.defaults());
        assertThat(sample.signup.sms.gateway).isEqualTo("log");
        assertThat(YAML.<JsonNode>valueToTree(sample.signup)).isEqualTo(YAML.<JsonNode>valueToTree(new SignupConfig()));
    }

    @Test
    void eachGatewayIsBuiltFromItsSection() throws Exception {
        SignupConfig c = YAML.readValue("""
                sms:
                  gateway: http
                  http: {url: "https://sms.example/send", headers: {X-Key: k}, contentType: application/json, body: '{"to":"${to}"}'}
                """, SignupConfig.class);
        assertThat(c.gateway()).isInstanceOf(HttpSmsGateway.class);
        c.sms.gateway = "smpp";
        c.sms.smpp.host = "smsc.example";
        c.sms.smpp.systemId = "tern";
        assertThat(c.gateway()).isInstanceOf(SmppSmsGateway.class);
        c.sms.gateway = "log";
        assertThat(c.gateway()).isInstanceOf(LogSmsGateway.class);
        c.sms.gateway = "pigeon";
        assertThatThrownBy(c::gateway).hasMessageContaining("log, http or smpp");
        c.sms.gateway = "http";
        c.sms.http.url = null;
        assertThatThrownBy(c::gateway).hasMessageContaining("sms.http.url");
    }

    @Test
    void everyProblemTheApiAnswersIsDocumentedUnderItsStatus() throws Exception {
        JsonNode api = YAML.readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        for (Object[] documented : new Object[][] {
                {"/v1/verifications", "post", 422, "invalid-phone"}, {"/v1/verifications", "post", 400, "invalid-request"},
                {"/v1/verifications", "post", 400, "invalid-json"}, {"/v1/verifications", "post", 413, "body-too-large"},
                {"/v1/verifications", "post", 415, "unsupported-media-type"}, {"/v1/verifications", "post", 429, "resend-too-soon"},
                {"/v1/verifications", "post", 429, "rate-limited"}, {"/v1/verifications", "post", 502, "sms-failed"},
                {"/v1/verifications", "post", 503, "busy"},
                {"/v1/accounts", "post", 403, "code-wrong"}, {"/v1/accounts", "post", 403, "pin-required"},
                {"/v1/accounts", "post", 403, "pin-wrong"}, {"/v1/accounts", "post", 404, "verification-not-found"},
                {"/v1/accounts", "post", 410, "verification-expired"}, {"/v1/accounts", "post", 410, "verification-used"},
                {"/v1/accounts", "post", 410, "verification-replaced"}, {"/v1/accounts", "post", 410, "too-many-attempts"},
                {"/v1/accounts", "post", 423, "pin-locked"}, {"/v1/accounts", "post", 400, "invalid-request"},
                {"/v1/account/pin", "put", 401, "unauthorized"}, {"/v1/account/pin", "delete", 401, "unauthorized"},
                {"/v1/account/pin", "put", 400, "invalid-request"}}) {
            JsonNode response = api.path("paths").path((String) documented[0]).path((String) documented[1])
                    .path("responses").path(documented[2].toString());
            if (response.has("$ref")) {
                String ref = response.get("$ref").asText();
                response = api.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            assertThat(response.toString()).as("%s %s %s", documented[1], documented[0], documented[2]).contains((String) documented[3]);
        }
    }
}
