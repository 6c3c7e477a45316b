package im.tern.server.stream;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.server.session.Connection;
import im.tern.server.session.LocalSession;
import im.tern.server.session.SessionRegistry;
import im.tern.xml.Element;
import java.security.SecureRandom;

/**
 * Resource binding (RFC 6120 section 7) with the "override" conflict policy: a client binding a full JID
 * that is already bound takes it over, and the old session ends with a {@code <conflict/>} stream error.
 */
final class ResourceBinding {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** The new session and the reply to send; session is null when binding failed. */
    record Result(LocalSession session, Element reply) {}

    private ResourceBinding() {}

    static boolean isBindRequest(Element e) {
        return e.name().equals("iq") && e.namespace().equals(Namespaces.CLIENT)
                && e.child("bind", Namespaces.BIND) != null;
    }

    static Result bind(Element iq, Jid account, String device, SessionRegistry sessions, Connection connection) {
        Stanza request = Stanza.of(iq.withAttr("from", null).withAttr("to", null));
        if (!"set".equals(iq.attr("type")) || iq.attr("id") == null) {
            return new Result(null, request.errorReply(StanzaError.BAD_REQUEST).element());
        }
        String wanted = iq.child("bind", Namespaces.BIND).childText("resource", Namespaces.BIND);
        Jid full;
        if (wanted == null || wanted.isBlank()) {
            do full = account.withResource(generated()); while (sessions.get(full) != null);
        } else {
            try {
                full = account.withResource(wanted.strip());
            } catch (IllegalArgumentException e) {
                return new Result(null, request.errorReply(StanzaError.BAD_REQUEST, "invalid resource").element());
            }
        }
        LocalSession session = new LocalSession(full, connection, device);
        LocalSession displaced = sessions.bind(session);
        if (displaced != null) displaced.close("conflict");
        Element reply = Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", iq.attr("id"))
                .child(Element.builder("bind", Namespaces.BIND).textChild("jid", full.toString()).build()).build();
        return new Result(session, reply);
    }

    private static String generated() {
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return "tern-" + new String(c);
    }
}
