package im.tern.module.profile;

/**
 * The limits of profiles; the configuration keys are in docs/tern.example.yaml under {@code profile}.
 *
 * @param maxDisplayName longest display name, in characters (Unicode code points)
 * @param maxAbout       longest "about" text, in characters
 * @param maxBodyBytes   largest HTTP request body accepted (profile and privacy settings)
 */
public record ProfileSettings(int maxDisplayName, int maxAbout, int maxBodyBytes) {
    public ProfileSettings {
        if (maxDisplayName < 1 || maxAbout < 1) throw new IllegalArgumentException("text limits must be at least 1");
        if (maxBodyBytes < 64) throw new IllegalArgumentException("maxBodyBytes must be at least 64: " + maxBodyBytes);
    }

    /** WhatsApp allows 25 characters of name and 139 of about; a little more room here. */
    public static ProfileSettings defaults() {
        return new ProfileSettings(64, 256, 4096);
    }
}
