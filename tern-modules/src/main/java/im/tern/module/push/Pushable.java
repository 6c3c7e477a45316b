package im.tern.module.push;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.xml.Element;
import java.util.Set;

/**
 * Which messages wake a device: those a user would want to see, the ones offline storage keeps. A
 * {@code chat} or {@code normal} message with a body, an end-to-end encrypted payload, a delivery receipt
 * or chat marker, a reaction, a correction, a retraction, a call proposal, or a {@code <store/>} hint
 * (XEP-0334). Never chat states alone, never a message with a {@code <no-store/>} hint (offline storage
 * drops it, so there is nothing to fetch), and never {@code headline}, {@code groupchat} or {@code error}.
 */
final class Pushable {
    private static final String HINTS = "urn:xmpp:hints";

    private Pushable() {}

    /** Namespace and element name of each payload that warrants a push. */
    private static final Set<String> PAYLOADS = Set.of(
            "{" + Namespaces.CLIENT + "}body",
            "{eu.siacs.conversations.axolotl}encrypted",   // OMEMO (XEP-0384, legacy namespace)
            "{urn:xmpp:omemo:2}encrypted",                 // OMEMO 2
            "{urn:xmpp:openpgp:0}openpgp",                 // XEP-0373
            "{jabber:x:encrypted}x",                       // XEP-0027
            "{urn:xmpp:receipts}received",                 // XEP-0184
            "{urn:xmpp:chat-markers:0}received",           // XEP-0333
            "{urn:xmpp:chat-markers:0}displayed",
            "{urn:xmpp:chat-markers:0}acknowledged",
            "{urn:xmpp:reactions:0}reactions",             // XEP-0444
            "{urn:xmpp:message-correct:0}replace",         // XEP-0308
            "{urn:xmpp:message-retract:1}retract",         // XEP-0424
            "{" + HINTS + "}store",                        // XEP-0334
            "{urn:xmpp:jingle-message:0}propose");         // XEP-0353: an incoming call

    static boolean warrantsPush(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.MESSAGE) return false;
        String type = stanza.type();
        if (type != null && !type.equals("chat") && !type.equals("normal")) return false;
        if (stanza.element().child("no-store", HINTS) != null) return false;
        for (Element child : stanza.element().elements()) {
            if (PAYLOADS.contains("{" + child.namespace() + "}" + child.name())) return true;
        }
        return false;
    }
}
