package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;

/** The XEP-0045 elements rooms send: occupant presences with their {@code muc#user} item and status codes. */
final class MucXml {
    /** Status codes of XEP-0045 section 15.6. */
    static final int NON_ANONYMOUS = 100;
    static final int CONFIG_CHANGED = 104;
    static final int SELF = 110;
    static final int LOGGED = 170;
    static final int CREATED = 201;
    static final int BANNED = 301;
    static final int NICK_CHANGED = 303;
    static final int KICKED = 307;
    static final int AFFILIATION_CHANGED = 321;
    static final int MEMBERS_ONLY = 322;

    private MucXml() {}

    static Element status(int code) {
        return Element.builder("status", MucNs.USER).attr("code", Integer.toString(code)).build();
    }

    /**
     * The presence of {@code subject} as one occupant sees it: the occupant's own presence content, and
     * {@code <x muc#user><item affiliation role jid? nick?/><status/>...</x>}.
     *
     * @param type     null for available, or "unavailable"
     * @param withJid  whether the recipient may see the occupant's real JID
     * @param newNick  the new nickname on a nick change (status 303), else null
     */
    static Element presence(Room room, Occupant subject, String type, Affiliation affiliation, Role role, boolean withJid,
                            String newNick, List<Element> extra, int... codes) {
        Element.Builder item = Element.builder("item", MucNs.USER).attr("affiliation", affiliation.xml()).attr("role", role.xml())
                .attr("jid", withJid ? subject.jid.toString() : null).attr("nick", newNick);
        Element.Builder x = Element.builder("x", MucNs.USER).child(item.build());
        for (Element e : extra) x.child(e);
        for (int code : codes) x.child(status(code));
        Element.Builder p = Element.builder("presence", Namespaces.CLIENT)
                .attr("from", room.occupantJid(subject.nick).toString()).attr("type", type);
        if (type == null && subject.presence != null) p.children(subject.presence.children());
        p.child(x.build());
        return p.build();
    }

    /** The client's presence as the room keeps it: its show, status, caps..., without MUC elements or addresses. */
    static Element ownPresence(Element presence) {
        List<Object> kept = new ArrayList<>();
        for (Object c : presence.children()) {
            if (c instanceof Element e && (MucNs.MUC.equals(e.namespace()) || MucNs.USER.equals(e.namespace()))) continue;
            kept.add(c);
        }
        return Element.builder("presence", Namespaces.CLIENT).children(kept).build();
    }

    /** A message from the room itself (a system message): {@code <message type='groupchat'><body/><x muc#user><status/></x>}. */
    static Element roomMessage(Room room, String body, int... codes) {
        Element.Builder m = Element.builder("message", Namespaces.CLIENT).attr("from", room.jid.toString())
                .attr("type", "groupchat");
        if (body != null) m.textChild("body", body);
        if (codes.length > 0) {
            Element.Builder x = Element.builder("x", MucNs.USER);
            for (int code : codes) x.child(status(code));
            m.child(x.build());
        }
        return m.build();
    }

    static String jidText(Jid jid) { return jid == null ? null : jid.toString(); }
}
