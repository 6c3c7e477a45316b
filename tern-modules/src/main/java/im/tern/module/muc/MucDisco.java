package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;

/** disco#info answers of the service and of a room, with the room's {@code muc#roominfo} form (XEP-0045 section 6.4). */
final class MucDisco {
    record Identity(String category, String type, String name) {}

    private MucDisco() {}

    static Element info(List<Identity> identities, List<String> features, Element form) {
        Element.Builder q = Element.builder("query", MucNs.DISCO_INFO);
        for (Identity i : identities) {
            q.child(Element.builder("identity", MucNs.DISCO_INFO).attr("category", i.category()).attr("type", i.type())
                    .attr("name", i.name()).build());
        }
        for (String f : features) q.child(Element.builder("feature", MucNs.DISCO_INFO).attr("var", f).build());
        if (form != null) q.child(form);
        return q.build();
    }

    /**
     * The occupants as items (section 6.5), to occupants and members, or to anyone in a public open room; others
     * get an empty list, so a members-only group does not show who is in it.
     */
    static Element roomItems(Room room, Jid requester) {
        Element.Builder q = Element.builder("query", MucNs.DISCO_ITEMS);
        boolean open = room.config.publicRoom() && !room.config.membersOnly();
        if (open || room.occupant(requester) != null || room.affiliation(requester).isMember()) {
            for (Occupant o : room.occupants.values()) {
                q.child(Element.builder("item", MucNs.DISCO_ITEMS).attr("jid", room.occupantJid(o.nick).toString()).build());
            }
        }
        return q.build();
    }

    static Element roomInfo(Room room) {
        var c = room.config;
        List<String> features = new ArrayList<>(List.of(MucNs.MUC, MucNs.MAM, "urn:xmpp:sid:0", "muc_public_logging",
                c.persistent() ? "muc_persistent" : "muc_temporary",
                c.membersOnly() ? "muc_membersonly" : "muc_open",
                c.moderated() ? "muc_moderated" : "muc_unmoderated",
                c.whoisAnyone() ? "muc_nonanonymous" : "muc_semianonymous",
                c.publicRoom() ? "muc_public" : "muc_hidden",
                c.password().isEmpty() ? "muc_unsecured" : "muc_passwordprotected"));
        Element form = Element.builder("x", MucNs.DATA).attr("type", "result")
                .child(RoomConfig.hidden("FORM_TYPE", MucNs.ROOMINFO))
                .child(RoomConfig.field("muc#roominfo_description", "text-single", "Description", c.description()))
                .child(RoomConfig.field("muc#roominfo_subject", "text-single", "Subject", c.subject()))
                .child(RoomConfig.field("muc#roominfo_occupants", "text-single", "Occupants", Integer.toString(room.occupants.size())))
                .child(RoomConfig.field("muc#roomconfig_roomname", "text-single", "Name", c.title()))
                .child(RoomConfig.field("muc#roomconfig_changesubject", "boolean", "Occupants may change the subject",
                        c.changeSubject() ? "1" : "0"))
                .build();
        return info(List.of(new Identity("conference", "text", c.title())), features, form);
    }
}
