package im.tern.module.blocking;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.Collection;

/** The protocol's elements: lists of items and the "blocked" error. */
final class BlockingXml {
    static final String ERRORS = "urn:xmpp:blocking:errors";

    private BlockingXml() {}

    /** {@code <name xmlns='urn:xmpp:blocking'><item jid='...'/>...</name>}. */
    static Element listElement(String name, Collection<Jid> jids) {
        Element.Builder b = Element.builder(name, BlockingModule.NAMESPACE);
        for (Jid jid : jids) b.child(Element.builder("item", BlockingModule.NAMESPACE).attr("jid", jid.toString()).build());
        return b.build();
    }

    /** The error reply for a stanza to a JID the sender blocks (XEP-0191 section 3.5). */
    static Stanza blockedReply(Stanza stanza) {
        Stanza reply = stanza.errorReply(StanzaError.NOT_ACCEPTABLE);
        Element error = Element.builder("error", Namespaces.CLIENT).attr("type", "cancel")
                .child(Element.empty(StanzaError.NOT_ACCEPTABLE.condition(), Namespaces.STANZA_ERRORS))
                .child(Element.empty("blocked", ERRORS))
                .build();
        return reply.withElement(reply.element().withoutChildren("error", Namespaces.CLIENT).withChild(error));
    }
}
