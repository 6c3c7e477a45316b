package im.tern.server.sasl;

/**
 * What a mechanism answers to one client message: a challenge to send, success (with additional data
 * for the client, possibly empty) or failure with an RFC 6120 section 6.5 condition. {@code username}
 * is the authenticated (or attempted) localpart, null when the attempt never named one; on success
 * {@code device} says whose credential it was (the account's own, or a linked device's id).
 */
public record SaslStep(Kind kind, byte[] data, String username, String device, String condition) {
    public enum Kind { CHALLENGE, SUCCESS, FAILURE }

    public static SaslStep challenge(byte[] data) { return new SaslStep(Kind.CHALLENGE, data, null, null, null); }

    public static SaslStep success(String username, String device, byte[] additionalData) {
        return new SaslStep(Kind.SUCCESS, additionalData, username, device, null);
    }

    public static SaslStep failure(String condition, String username) {
        return new SaslStep(Kind.FAILURE, null, username, null, condition);
    }
}
