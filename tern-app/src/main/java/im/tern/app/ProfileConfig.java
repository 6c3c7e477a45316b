package im.tern.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import im.tern.module.profile.ProfileSettings;

/**
 * The {@code profile} section: display names, "about" texts and the privacy settings' HTTP API
 * (docs/contacts-and-privacy.md). Documented with its defaults in docs/tern.example.yaml.
 */
public final class ProfileConfig {
    /** Longest display name, in characters. */
    @JsonProperty public int maxDisplayName = 64;
    /** Longest "about" text, in characters. */
    @JsonProperty public int maxAbout = 256;
    /** Largest request body in bytes (PUT /v1/profile and PUT /v1/privacy). */
    @JsonProperty public int maxBodyBytes = 4096;

    ProfileSettings settings() {
        return new ProfileSettings(maxDisplayName, maxAbout, maxBodyBytes);
    }
}
