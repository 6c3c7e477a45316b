package im.tern.server.stream;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.core.module.Sessions;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;

/**
 * Tern's single tick: once the server has accepted a message (delivered it to a live session or stored
 * it durably), it tells the sender, naming the message's id. A client opts in per session with
 * {@code <iq type='set'><enable xmlns='urn:tern:receipts:0'/></iq>}; each accepted message with an id
 * is then answered with
 * {@code <message from='domain'><accepted xmlns='urn:tern:receipts:0' id='…' to='recipient'/></message>}.
 * A refused message gets its stanza error instead. Stream management acks say the same by count;
 * this names the message, which is what a tick is drawn from. See docs/messages.md.
 */
public final class ServerReceipts {
    public static final String NS = "urn:tern:receipts:0";
    private static final SessionKey<Boolean> ENABLED = new SessionKey<>("server-receipts");

    private ServerReceipts() {}

    /** Registers the opt-in IQs (enable, disable) for sessions on this server. */
    public static void register(IqHandlers iq, Sessions sessions) {
        iq.serverSet("enable", NS, request -> set(sessions, request, true));
        iq.serverSet("disable", NS, request -> set(sessions, request, false));
    }

    private static CompletableFuture<Stanza> set(Sessions sessions, Stanza request, boolean on) {
        Session s = request.from() == null ? null : sessions.get(request.from());
        if (s != null) s.put(ENABLED, on ? Boolean.TRUE : null);
        return CompletableFuture.completedFuture(Iq.result(request, null));
    }

    static boolean wanted(Session session, Stanza message) {
        return message.kind() == Stanza.Kind.MESSAGE && !message.isError() && message.id() != null
                && session.get(ENABLED) != null;
    }

    static Element receipt(Jid domain, Session session, Stanza message) {
        Element.Builder accepted = Element.builder("accepted", NS).attr("id", message.id());
        Jid to = message.to() == null ? session.jid().bare() : message.to();
        accepted.attr("to", to.toString());
        return Element.builder("message", im.tern.core.Namespaces.CLIENT)
                .attr("from", domain.toString()).attr("to", session.jid().toString())
                .child(accepted.build()).build();
    }
}
