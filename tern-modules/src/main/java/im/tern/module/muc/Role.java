package im.tern.module.muc;

import java.util.Locale;

/** XEP-0045 roles: what an occupant may do while in the room. */
enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    String xml() { return name().toLowerCase(Locale.ROOT); }

    static Role of(String xml) {
        if (xml == null) return null;
        for (Role r : values()) if (r.xml().equals(xml)) return r;
        return null;
    }
}
