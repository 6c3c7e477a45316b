package im.tern.module.pep;

import java.util.Locale;

/**
 * Who may see a node (XEP-0060 section 4.5). {@code roster} is served as {@code presence}: Tern keeps no
 * per-node roster groups, and a contact in any group is a contact the account shares presence with.
 * {@code whitelist} has no list yet: only the owner sees the node. {@code authorize} is not offered.
 */
enum AccessModel {
    OPEN, PRESENCE, ROSTER, WHITELIST;

    String value() { return name().toLowerCase(Locale.ROOT); }

    /** The model for a form value, or null when it is none Tern offers. */
    static AccessModel of(String value) {
        for (AccessModel m : values()) if (m.value().equals(value)) return m;
        return null;
    }
}
