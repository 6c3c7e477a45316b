package im.tern.module.presence;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.xml.Element;

/** Builds presence stanzas; a readdressed presence keeps every child, entity caps included. */
final class Presences {
    private Presences() {}

    static Stanza of(String type, Jid from, Jid to) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT).attr("type", type)
                .attr("from", from.toString()).attr("to", to.toString()).build());
    }

    static Stanza readdressed(Element presence, Jid from, Jid to) {
        return Stanza.of(presence.withAttr("from", from.toString()).withAttr("to", to.toString()));
    }
}
