package im.tern.module.muc;

import java.util.Locale;

/** XEP-0045 affiliations, highest first; the order is what "higher affiliation" means in the XEP's rules. */
enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    String xml() { return name().toLowerCase(Locale.ROOT); }

    /** Owners, admins and members: the group's members, who may enter a members-only room and read its archive. */
    boolean isMember() { return ordinal() <= MEMBER.ordinal(); }

    boolean atLeast(Affiliation other) { return ordinal() <= other.ordinal(); }

    /** The affiliation named in XML, or null when the name is none of them. */
    static Affiliation of(String xml) {
        if (xml == null) return null;
        for (Affiliation a : values()) if (a.xml().equals(xml)) return a;
        return null;
    }
}
