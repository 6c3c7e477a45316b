package im.tern.module.carbons;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.xml.Element;

/**
 * Builds the copies and hands them straight to the sessions: a copy goes to the account's own
 * resources and must not pass through the hooks (archived, filtered or copied again) on its way.
 */
final class CarbonCopies {
    static final String FORWARD = "urn:xmpp:forward:0";

    private final Sessions sessions;

    CarbonCopies(Sessions sessions) { this.sessions = sessions; }

    /** A message a resource sent: copied to its enabled siblings. */
    void sent(Session sender, Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.MESSAGE) return;
        Jid account = sender.jid().bare();
        Jid to = stanza.to();
        if (to == null || to.local() == null || to.bare().equals(account)) return;
        if (!CarbonEligibility.eligible(stanza.element())) return;
        for (Session own : sessions.of(account)) {
            if (!own.jid().equals(sender.jid()) && CarbonsModule.enabled(own)) {
                own.send(wrap("sent", stanza.element(), account, own.jid()));
            }
        }
    }

    /**
     * A message about to be delivered to a local account: copied to the enabled resources the router
     * will not hand it to. Called after the filters, so the message is on its way.
     */
    void received(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.MESSAGE || stanza.to() == null || stanza.from() == null) return;
        Jid account = stanza.to().bare();
        if (stanza.from().bare().equals(account)) return;
        Element message = stanza.element();
        if (!CarbonEligibility.eligible(message)) return;
        Session addressee = stanza.to().isFull() ? sessions.get(stanza.to()) : null;
        for (Session own : sessions.of(account)) {
            if (!CarbonsModule.enabled(own) || getsOriginal(own, addressee)) continue;
            own.send(wrap("received", message, account, own.jid()));
        }
    }

    /** The router's rule: the addressed resource, or else every available one with priority 0 or more. */
    private static boolean getsOriginal(Session s, Session addressee) {
        if (addressee != null) return s == addressee;
        return s.available() && s.priority() >= 0;
    }

    static Element wrap(String direction, Element original, Jid account, Jid to) {
        Element forwarded = Element.builder("forwarded", FORWARD).child(original).build();
        return Element.builder("message", Namespaces.CLIENT)
                .attr("from", account.toString()).attr("to", to.toString()).attr("type", original.attr("type"))
                .child(Element.builder(direction, CarbonsModule.NAMESPACE).child(forwarded).build())
                .build();
    }
}
