package im.tern.server.sasl;

import im.tern.core.Jid;

/** Turns the names a client authenticates with into account localparts, and checks authorization identities. */
final class SaslName {
    private SaslName() {}

    /** The normalised localpart for an authentication identity, or null when it is not a valid one. */
    static String localpart(String authcid, Jid domain) {
        if (authcid == null || authcid.isEmpty()) return null;
        // Clients may send the bare JID instead of the localpart.
        String suffix = "@" + domain.domain();
        if (authcid.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
            authcid = authcid.substring(0, authcid.length() - suffix.length());
        }
        try {
            return Jid.of(authcid, domain.domain(), null).local();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the authorization identity is absent or names the user's own bare JID (nothing else is allowed). */
    static boolean authzidAllowed(String authzid, String localpart, Jid domain) {
        if (authzid == null || authzid.isEmpty()) return true;
        Jid requested = Jid.parse(authzid);
        return requested != null && requested.equals(Jid.of(localpart, domain.domain(), null));
    }
}
