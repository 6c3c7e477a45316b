package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.devices.DeviceSettings;
import java.time.Duration;

/**
 * The {@code devices} section: linked devices over the HTTP API (docs/devices.md). Documented with its defaults
 * in docs/tern.example.yaml.
 */
public final class DevicesConfig {
    /** Serve linked devices (POST /v1/devices/link-codes, POST/GET /v1/devices, DELETE /v1/devices/{id}). */
    @JsonProperty public boolean enabled = true;
    /** Seconds a link code works after it is made. */
    @JsonProperty public int linkCodeTtlSeconds = 300;
    /** Wrong tries one link code takes before it is dead. */
    @JsonProperty public int maxLinkCodeAttempts = 5;
    /** Devices an account may link besides its primary device. */
    @JsonProperty public int maxLinked = 4;
    /** Link-code redemptions per client address (IPv6: per /64) per hour and per day; 0 = no limit. */
    @JsonProperty public SignupConfig.Window redeemPerAddress = new SignupConfig.Window(20, 100);
    /** Largest request body in bytes; larger ones are answered 413. */
    @JsonProperty public int maxBodyBytes = 4096;

    DeviceSettings settings() {
        return new DeviceSettings(Duration.ofSeconds(linkCodeTtlSeconds), maxLinkCodeAttempts, maxLinked,
                new DeviceSettings.Limit(redeemPerAddress.hour, redeemPerAddress.day), maxBodyBytes);
    }
}
