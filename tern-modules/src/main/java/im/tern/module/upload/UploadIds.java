package im.tern.module.upload;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Upload ids: 192 random bits, base64url, so URLs cannot be guessed; the id is also the file's name on disk,
 * so anything else a URL may carry is refused before it gets near a path.
 */
final class UploadIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{32}");

    private UploadIds() {}

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean valid(String id) { return id != null && VALID.matcher(id).matches(); }
}
