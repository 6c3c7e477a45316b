package im.tern.module.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user name and password of an HTTP Basic {@code Authorization} header (RFC 7617), UTF-8. */
public record BasicCredentials(String username, String password) {
    /** The challenge to send with a 401. */
    public static final String CHALLENGE = "Basic realm=\"tern\", charset=\"UTF-8\"";

    /** The credentials in the header, or null when it is absent or not Basic or not well-formed. */
    public static BasicCredentials parse(String authorization) {
        if (authorization == null) return null;
        String h = authorization.trim();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) return null;
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** 401 with the Basic challenge. */
    public static Problem unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail).withHeader("WWW-Authenticate", CHALLENGE);
    }

    @Override
    public String toString() { return "BasicCredentials[" + username + ", ***]"; }
}
