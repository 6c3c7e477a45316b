package im.tern.module.carbons;

import im.tern.core.Namespaces;
import im.tern.xml.Element;

/**
 * Which messages are copied: XEP-0280 section 6 (chat; normal with a body; nothing from or for a group
 * chat room; no errors) plus the XEP-0334 {@code <no-copy/>} hint, and, within the section's stated
 * intent, normal messages carrying an IM payload without a body (chat state, receipt, chat marker),
 * which some clients send as type normal.
 */
final class CarbonEligibility {
    static final String HINTS = "urn:xmpp:hints";
    static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    static final String RECEIPTS = "urn:xmpp:receipts";
    static final String MARKERS = "urn:xmpp:chat-markers:0";
    static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private CarbonEligibility() {}

    static boolean eligible(Element message) {
        if (!message.name().equals("message")) return false;
        String type = message.attr("type");
        if ("error".equals(type) || "groupchat".equals(type) || "headline".equals(type)) return false;
        if (message.child("private", CarbonsModule.NAMESPACE) != null) return false;
        if (message.child("no-copy", HINTS) != null) return false;
        // A carbon (or a forged one) is never copied again.
        if (message.child("sent", CarbonsModule.NAMESPACE) != null) return false;
        if (message.child("received", CarbonsModule.NAMESPACE) != null) return false;
        // From or to a group chat room, private messages between occupants included: only the
        // resource in the room can follow them.
        if (message.childIn(MUC_USER) != null) return false;
        if ("chat".equals(type)) return true;
        return message.child("body", Namespaces.CLIENT) != null || message.childIn(CHAT_STATES) != null
                || message.childIn(RECEIPTS) != null || message.childIn(MARKERS) != null;
    }
}
