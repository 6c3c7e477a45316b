package im.tern.module.roster;

import im.tern.core.Jid;
import im.tern.store.RosterItem;
import im.tern.xml.Element;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The wire form of rosters and roster items (RFC 6121 section 2.1). */
public final class RosterXml {
    public static final String NAMESPACE = "jabber:iq:roster";

    private RosterXml() {}

    public static Element item(RosterItem item) {
        Element.Builder b = Element.builder("item", NAMESPACE)
                .attr("jid", item.jid().toString())
                .attr("name", item.name())
                .attr("subscription", item.subscription().name().toLowerCase(Locale.ROOT))
                .attr("ask", item.askSubscribe() ? "subscribe" : null);
        for (String group : new TreeSet<>(item.groups())) b.textChild("group", group);
        return b.build();
    }

    /** The item a push announces when the contact left the roster. */
    public static Element removed(Jid contact) {
        return Element.builder("item", NAMESPACE).attr("jid", contact.toString()).attr("subscription", "remove").build();
    }

    public static Element query(String version, List<Element> items) {
        return Element.builder("query", NAMESPACE).attr("ver", version).children(items).build();
    }
}
