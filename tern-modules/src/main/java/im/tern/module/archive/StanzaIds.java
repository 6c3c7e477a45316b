package im.tern.module.archive;

import im.tern.core.Jid;
import im.tern.xml.Element;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * XEP-0359 unique and stable stanza ids: the {@code <stanza-id/>} the archive stamps on each message it
 * keeps, and the sender's {@code <origin-id/>}. Ids are 128 random bits, so nobody can guess another
 * message's id to page an archive from it.
 */
public final class StanzaIds {
    public static final String NAMESPACE = "urn:xmpp:sid:0";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private StanzaIds() {}

    /** A new unguessable id: 22 URL-safe characters. */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The message without any {@code <stanza-id/>} claiming to be by {@code by}: only that entity assigns
     * them, so one arriving from elsewhere is a forgery (XEP-0359 section 3.3, a MUST).
     */
    public static Element withoutIdsBy(Element message, Jid by) {
        List<Object> kept = new ArrayList<>(message.children().size());
        boolean removed = false;
        for (Object child : message.children()) {
            if (child instanceof Element e && e.is("stanza-id", NAMESPACE) && by.equals(Jid.parse(e.attr("by")))) {
                removed = true;
            } else {
                kept.add(child);
            }
        }
        return removed ? message.withChildren(kept) : message;
    }

    /** The message with {@code <stanza-id by id/>} appended. */
    public static Element withId(Element message, Jid by, String id) {
        return message.withChild(Element.builder("stanza-id", NAMESPACE).attr("by", by.toString()).attr("id", id).build());
    }

    /**
     * The sender's own id for the message: its {@code <origin-id/>}, else its {@code id} attribute (which
     * XEP-0308 corrections name, and which clients that send no origin-id, such as Smack by default, use
     * for retractions too); null when it has neither.
     */
    public static String originId(Element message) {
        Element e = message.child("origin-id", NAMESPACE);
        String id = e == null ? null : e.attr("id");
        if (id == null || id.isEmpty()) id = message.attr("id");
        return id == null || id.isEmpty() ? null : id;
    }
}
