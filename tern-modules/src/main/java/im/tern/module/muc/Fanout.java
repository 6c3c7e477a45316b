package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.xml.Element;
import im.tern.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Writes a room's stanzas straight to the occupants' sessions. A stanza the same for every occupant but
 * for its {@code to} is serialised once: the bytes without {@code to} are written once and each copy is
 * the tag name, {@code to='...'}, then those shared bytes (what the router does for an account's devices).
 */
final class Fanout {
    private final Sessions sessions;

    Fanout(Sessions sessions) { this.sessions = sessions; }

    /** Sends to one occupant; false when its session is gone. */
    boolean send(Jid to, Element stanza) {
        Session s = sessions.get(to);
        if (s == null) return false;
        s.send(stanza.withAttr("to", to.toString()));
        return true;
    }

    /** Sends to every device of an occupant. */
    void send(Occupant o, Element stanza) {
        for (Jid device : o.devices) send(device, stanza);
    }

    /** Sends the same stanza to every occupant, serialising it once. */
    void broadcast(Collection<Occupant> occupants, Element template) {
        if (occupants.isEmpty()) return;
        Element withoutTo = template.withAttr("to", null);
        byte[] shared = XmlWriter.toUtf8(withoutTo, Namespaces.CLIENT);
        int tagEnd = 1 + withoutTo.name().length(); // "<message"
        for (Occupant o : occupants) {
            for (Jid device : o.devices) {
                Session s = sessions.get(device);
                if (s != null) s.send(withoutTo.withAttr("to", device.toString()), addressed(shared, tagEnd, device));
            }
        }
    }

    static byte[] addressed(byte[] shared, int tagEnd, Jid to) {
        StringBuilder attr = new StringBuilder(" to=\"");
        XmlWriter.escapeAttr(to.toString(), attr);
        byte[] toBytes = attr.append('"').toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[shared.length + toBytes.length];
        System.arraycopy(shared, 0, out, 0, tagEnd);
        System.arraycopy(toBytes, 0, out, tagEnd, toBytes.length);
        System.arraycopy(shared, tagEnd, out, tagEnd + toBytes.length, shared.length - tagEnd);
        return out;
    }
}
