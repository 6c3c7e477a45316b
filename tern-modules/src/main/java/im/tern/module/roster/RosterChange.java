package im.tern.module.roster;

import im.tern.core.Jid;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a roster set asks for: one item to add, update or remove, validated by RFC 6121 section
 * 2.3.3. {@link #error} is set when the request is refused, and the other fields are then unset.
 */
record RosterChange(Jid contact, String name, Set<String> groups, boolean remove, StanzaError error, String reason) {
    /** Names and groups are stored in columns of this many characters. */
    static final int MAX_TEXT = 1023;

    static RosterChange parse(Element query, Jid account) {
        List<Element> items = query.elements("item", RosterXml.NAMESPACE);
        if (items.size() != 1 || query.elements().size() != 1) return refused(StanzaError.BAD_REQUEST, "a roster set carries exactly one item");
        Element item = items.get(0);
        Jid contact = Jid.parse(item.attr("jid"));
        if (contact == null) return refused(StanzaError.BAD_REQUEST, "the item has no valid jid");
        if (contact.bare().equals(account.bare())) return refused(StanzaError.NOT_ALLOWED, "an account is not its own contact");
        if ("remove".equals(item.attr("subscription"))) return new RosterChange(contact, null, Set.of(), true, null, null);
        String name = item.attr("name");
        if (name != null && name.length() > MAX_TEXT) return refused(StanzaError.NOT_ACCEPTABLE, "the name is too long");
        Set<String> groups = new HashSet<>();
        for (Element g : item.elements("group", RosterXml.NAMESPACE)) {
            String group = g.text();
            if (group.isEmpty()) return refused(StanzaError.NOT_ACCEPTABLE, "a group name is empty");
            if (group.length() > MAX_TEXT) return refused(StanzaError.NOT_ACCEPTABLE, "a group name is too long");
            if (!groups.add(group)) return refused(StanzaError.BAD_REQUEST, "a group is named twice");
        }
        return new RosterChange(contact, name, groups, false, null, null);
    }

    private static RosterChange refused(StanzaError error, String reason) {
        return new RosterChange(null, null, Set.of(), false, error, reason);
    }
}
