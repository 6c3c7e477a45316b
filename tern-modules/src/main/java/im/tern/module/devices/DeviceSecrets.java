package im.tern.module.devices;

import java.security.SecureRandom;
import java.util.Base64;

/** A linked device's id and token, from {@link SecureRandom}, base64url. */
final class DeviceSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DeviceSecrets() {}

    /** A device id: 64 random bits, 11 characters; never "primary", which is 7. */
    static String deviceId() { return random(8); }

    /** A device's token (its XMPP password): 256 random bits, 43 characters, as an account's token. */
    static String token() { return random(32); }

    /** Whether the text could be a device id (anything else names no device). */
    static boolean wellFormedId(String id) { return id.matches("[A-Za-z0-9_-]{11}"); }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
