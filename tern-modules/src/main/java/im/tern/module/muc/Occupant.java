package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.xml.Element;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Someone in a room: the full JID it entered with, nickname, role and the presence it last sent the room (without the
 * MUC bits). Other devices of the same account may enter with the same nickname (a "multi-session nick", which
 * XEP-0045 leaves to the service): they share the occupant, each gets what the room sends it, the others see one.
 */
final class Occupant {
    final Jid jid;
    /** Every full JID in the room under this nickname, {@link #jid} first. */
    final Set<Jid> devices = new LinkedHashSet<>();
    String nick;
    Role role;
    Element presence;

    Occupant(Jid jid, String nick, Role role, Element presence) {
        this.jid = jid;
        this.devices.add(jid);
        this.nick = nick;
        this.role = role;
        this.presence = presence;
    }
}
