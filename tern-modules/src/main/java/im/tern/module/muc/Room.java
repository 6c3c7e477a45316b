package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.store.GroupStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's state. Touched only by the tasks of its {@link Rooms} queue, one at a time, so it needs no locks.
 * The configuration and affiliations mirror the store; occupants live only here.
 */
final class Room {
    final String name;
    final Jid jid;
    /** Null while the room does not exist. */
    GroupStore.Room config;
    /** A new room stays locked until its owner configures it (XEP-0045 section 10.1). */
    boolean locked;
    /** Retired from the registry: a task finding this re-dispatches to the current instance. */
    boolean retired;
    boolean loaded;
    /** Bare JID to affiliation, longest-standing first. */
    final Map<Jid, Affiliation> affiliations = new LinkedHashMap<>();
    /** Nick to occupant, in order of joining. */
    final Map<String, Occupant> occupants = new LinkedHashMap<>();

    Room(String name, Jid jid) {
        this.name = name;
        this.jid = jid;
    }

    boolean exists() { return config != null; }

    Affiliation affiliation(Jid someone) {
        return affiliations.getOrDefault(someone.bare(), Affiliation.NONE);
    }

    Occupant occupant(Jid full) {
        for (Occupant o : occupants.values()) if (o.devices.contains(full)) return o;
        return null;
    }

    /** Owners, admins and members. */
    int memberCount() {
        int n = 0;
        for (Affiliation a : affiliations.values()) if (a.isMember()) n++;
        return n;
    }

    List<Jid> withAffiliation(Affiliation a) {
        List<Jid> out = new ArrayList<>();
        affiliations.forEach((jid, aff) -> { if (aff == a) out.add(jid); });
        return out;
    }

    /** The role an occupant with this affiliation gets on entering (XEP-0045 section 5.1.2). */
    Role defaultRole(Affiliation a) {
        if (a == Affiliation.OWNER || a == Affiliation.ADMIN) return Role.MODERATOR;
        if (config.moderated() && a != Affiliation.MEMBER) return Role.VISITOR;
        return Role.PARTICIPANT;
    }

    Jid occupantJid(String nick) { return jid.withResource(nick); }
}
