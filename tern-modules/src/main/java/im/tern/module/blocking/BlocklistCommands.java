package im.tern.module.blocking;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.core.module.Sessions;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's own blocklist IQs (XEP-0191 sections 3.1 to 3.3): get, block, unblock. Each change
 * is pushed to the resources that asked for the list, then applied to presence.
 */
final class BlocklistCommands {
    /** Set once a session has asked for the blocklist: it receives pushes from then on. */
    static final SessionKey<Boolean> INTERESTED = new SessionKey<>("blocking.interested");

    private final Blocklists lists;
    private final Sessions sessions;
    private final BlockPresence presence;
    private final String idPrefix = "block-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
    private final AtomicLong ids = new AtomicLong();

    BlocklistCommands(Blocklists lists, Sessions sessions, BlockPresence presence) {
        this.lists = lists;
        this.sessions = sessions;
        this.presence = presence;
    }

    CompletionStage<Stanza> get(Stanza request) {
        if (!own(request)) return done(request.errorReply(StanzaError.SERVICE_UNAVAILABLE));
        Session session = sessions.get(request.from());
        if (session != null) session.put(INTERESTED, Boolean.TRUE);
        return lists.of(request.to()).thenApply(list ->
                Iq.result(request, BlockingXml.listElement("blocklist", list.items())));
    }

    CompletionStage<Stanza> block(Stanza request) {
        if (!own(request)) return done(request.errorReply(StanzaError.SERVICE_UNAVAILABLE));
        Element payload = Iq.payload(request);
        List<Jid> items = items(payload);
        if (items == null) return done(request.errorReply(StanzaError.JID_MALFORMED));
        if (items.isEmpty()) return done(request.errorReply(StanzaError.BAD_REQUEST, "block at least one JID"));
        Jid account = request.to();
        return lists.update(account, list -> list.with(items)).thenCompose(change -> {
            push(account, BlockingXml.listElement("block", items));
            List<Jid> added = new ArrayList<>(change.after().items());
            added.removeAll(change.before().items());
            return presence.blocked(account, added);
        }).thenApply(v -> Iq.result(request));
    }

    CompletionStage<Stanza> unblock(Stanza request) {
        if (!own(request)) return done(request.errorReply(StanzaError.SERVICE_UNAVAILABLE));
        List<Jid> items = items(Iq.payload(request));
        if (items == null) return done(request.errorReply(StanzaError.JID_MALFORMED));
        Jid account = request.to();
        boolean all = items.isEmpty();
        return lists.update(account, list -> all ? Blocklist.EMPTY : list.without(items)).thenCompose(change -> {
            push(account, BlockingXml.listElement("unblock", items));
            List<Jid> removed = new ArrayList<>(change.before().items());
            removed.removeAll(change.after().items());
            return presence.unblocked(account, removed);
        }).thenApply(v -> Iq.result(request));
    }

    private void push(Jid account, Element change) {
        for (Session s : sessions.of(account)) {
            if (!Boolean.TRUE.equals(s.get(INTERESTED))) continue;
            s.send(Iq.request("set", idPrefix + ids.incrementAndGet(), account, s.jid(), change));
        }
    }

    /** The items' JIDs, without duplicates; null when one is missing or malformed. */
    private static List<Jid> items(Element payload) {
        Set<Jid> out = new LinkedHashSet<>();
        for (Element item : payload.elements("item", BlockingModule.NAMESPACE)) {
            Jid jid = Jid.parse(item.attr("jid"));
            if (jid == null) return null;
            out.add(jid);
        }
        return new ArrayList<>(out);
    }

    /** Only the account itself manages its list; others learn nothing, not even that it exists. */
    private static boolean own(Stanza request) {
        return request.from() != null && request.from().bare().equals(request.to());
    }

    private static CompletionStage<Stanza> done(Stanza reply) { return CompletableFuture.completedFuture(reply); }
}
