package im.tern.module.push;

import im.tern.core.Stanza;
import im.tern.module.archive.Storable;
import im.tern.xml.Element;
import java.util.Set;

/**
 * Which messages wake a device: those offline storage keeps ({@link Storable#forOffline}: a body, an
 * encrypted payload, a receipt or marker, a reaction, a correction, a retraction, a {@code <store/>} hint),
 * and besides them a few a person should hear about at once: an incoming call proposal (XEP-0353) and
 * OpenPGP-encrypted messages (XEP-0373, XEP-0027). Never chat states alone, never a {@code <no-store/>}
 * message, never {@code headline}, {@code groupchat} or {@code error}.
 */
final class Pushable {
    /** Payloads that warrant a push beyond what offline storage keeps. */
    private static final Set<String> ALSO = Set.of(
            "{urn:xmpp:openpgp:0}openpgp",                 // XEP-0373
            "{jabber:x:encrypted}x",                       // XEP-0027
            "{urn:xmpp:jingle-message:0}propose");         // XEP-0353: an incoming call

    private Pushable() {}

    static boolean warrantsPush(Stanza stanza) {
        if (Storable.forOffline(stanza)) return true;
        if (stanza.kind() != Stanza.Kind.MESSAGE) return false;
        String type = stanza.type();
        if (type != null && !type.equals("chat") && !type.equals("normal")) return false;
        if (stanza.element().child("no-store", Storable.HINTS) != null) return false;
        for (Element child : stanza.element().elements()) {
            if (ALSO.contains("{" + child.namespace() + "}" + child.name())) return true;
        }
        return false;
    }
}
