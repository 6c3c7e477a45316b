package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tern.module.devices.DeviceSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code devices} section: the documented sample is what the code defaults to, and every problem is documented. */
class DevicesConfigTest {
    @Test
    void theSampleConfigFileHoldsTheDefaults() throws Exception {
        TernConfig sample = SignupConfigTest.YAML.readValue(Path.of("..", "docs", "tern.example.yaml").toFile(), TernConfig.class);

        assertThat(sample.devices.settings()).isEqualTo(new DevicesConfig().settings());
        assertThat(new DevicesConfig().settings()).isEqualTo(DeviceSettings.defaults());
        assertThat(SignupConfigTest.YAML.<JsonNode>valueToTree(sample.devices))
                .isEqualTo(SignupConfigTest.YAML.<JsonNode>valueToTree(new DevicesConfig()));
    }

    @Test
    void everyProblemTheDeviceAndDeletionEndpointsAnswerIsDocumentedUnderItsStatus() throws Exception {
        JsonNode api = SignupConfigTest.YAML.readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        for (Object[] documented : new Object[][] {
                {"/v1/devices/link-codes", "post", 401, "unauthorized"}, {"/v1/devices/link-codes", "post", 403, "primary-only"},
                {"/v1/devices/link-codes", "post", 409, "too-many-devices"}, {"/v1/devices/link-codes", "post", 400, "invalid-json"},
                {"/v1/devices/link-codes", "post", 415, "unsupported-media-type"},
                {"/v1/devices", "post", 400, "invalid-request"}, {"/v1/devices", "post", 403, "link-code-wrong"},
                {"/v1/devices", "post", 404, "link-code-not-found"}, {"/v1/devices", "post", 409, "too-many-devices"},
                {"/v1/devices", "post", 410, "link-code-expired"}, {"/v1/devices", "post", 410, "link-code-used"},
                {"/v1/devices", "post", 410, "link-code-replaced"}, {"/v1/devices", "post", 410, "too-many-attempts"},
                {"/v1/devices", "post", 413, "body-too-large"}, {"/v1/devices", "post", 415, "unsupported-media-type"},
                {"/v1/devices", "post", 429, "rate-limited"}, {"/v1/devices", "post", 429, "redeem-address-hourly"},
                {"/v1/devices", "get", 401, "unauthorized"},
                {"/v1/devices/{id}", "delete", 401, "unauthorized"}, {"/v1/devices/{id}", "delete", 403, "primary-only"},
                {"/v1/devices/{id}", "delete", 404, "device-not-found"},
                {"/v1/accounts/me", "delete", 401, "unauthorized"}, {"/v1/accounts/me", "delete", 403, "primary-only"},
                {"/v1/accounts/me", "delete", 403, "pin-required"}, {"/v1/accounts/me", "delete", 403, "pin-wrong"},
                {"/v1/accounts/me", "delete", 400, "invalid-request"}, {"/v1/accounts/me", "delete", 400, "invalid-json"},
                {"/v1/accounts/me", "delete", 415, "unsupported-media-type"}, {"/v1/accounts/me", "delete", 423, "pin-locked"},
                {"/v1/account/pin", "put", 403, "primary-only"}, {"/v1/account/pin", "delete", 403, "primary-only"}}) {
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
