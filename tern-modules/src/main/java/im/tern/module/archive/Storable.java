package im.tern.module.archive;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.xml.Element;
import java.util.Set;

/**
 * Which messages are kept: by the archive (XEP-0313) and by offline storage (XEP-0160). A one-to-one
 * message ({@code chat} or {@code normal}; never groupchat, headline or error) is worth keeping when
 * it carries something a person will see or a client must know later: a body, a delivery receipt
 * (XEP-0184), a chat marker (XEP-0333), a reaction (XEP-0444), a retraction (XEP-0424), a correction
 * (XEP-0308), an encrypted payload (OMEMO, XEP-0384), or a {@code <store/>} hint (XEP-0334). Chat
 * states alone (XEP-0085) and anything else are transient. A {@code <no-store/>} hint keeps a message
 * out of both; {@code <no-permanent-store/>} keeps it out of the archive only (XEP-0334 section 4:
 * it may still wait in offline storage).
 */
public final class Storable {
    public static final String HINTS = "urn:xmpp:hints";

    private record Name(String name, String namespace) {}

    private static final Set<Name> WORTH_KEEPING = Set.of(
            new Name("body", Namespaces.CLIENT),
            new Name("received", "urn:xmpp:receipts"),
            new Name("received", "urn:xmpp:chat-markers:0"),
            new Name("displayed", "urn:xmpp:chat-markers:0"),
            new Name("acknowledged", "urn:xmpp:chat-markers:0"),
            new Name("reactions", "urn:xmpp:reactions:0"),
            new Name("retract", "urn:xmpp:message-retract:1"),
            new Name("replace", "urn:xmpp:message-correct:0"),
            new Name("encrypted", "eu.siacs.conversations.axolotl"),
            new Name("encrypted", "urn:xmpp:omemo:2"),
            new Name("store", HINTS));

    private Storable() {}

    /** Whether the archive keeps the message. */
    public static boolean forArchive(Stanza message) {
        return worthKeeping(message) && !has(message.element(), "no-store") && !has(message.element(), "no-permanent-store");
    }

    /** Whether offline storage keeps the message for an account with no device online. */
    public static boolean forOffline(Stanza message) {
        return worthKeeping(message) && !has(message.element(), "no-store");
    }

    private static boolean worthKeeping(Stanza message) {
        if (message.kind() != Stanza.Kind.MESSAGE) return false;
        String type = message.type();
        if (type != null && !type.equals("chat") && !type.equals("normal")) return false;
        for (Object child : message.element().children()) {
            if (child instanceof Element e && WORTH_KEEPING.contains(new Name(e.name(), e.namespace()))) return true;
        }
        return false;
    }

    private static boolean has(Element message, String hint) {
        return message.child(hint, HINTS) != null;
    }
}
