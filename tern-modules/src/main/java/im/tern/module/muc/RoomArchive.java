package im.tern.module.muc;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.module.archive.Delay;
import im.tern.module.archive.MamRequest;
import im.tern.module.archive.QueryRefused;
import im.tern.module.archive.StanzaIds;
import im.tern.module.stored.StoredXml;
import im.tern.store.GroupCommit;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The room archive: every groupchat message once per room, committed (in batches across rooms) before the
 * sender's message counts as accepted; the history a joining occupant gets; and XEP-0313 queries on the
 * room's JID, which is how a member catches up on what it missed (docs/groups.md).
 */
final class RoomArchive implements AutoCloseable {
    private final Muc muc;
    private final GroupCommit<GroupStore.Message> commits;

    RoomArchive(Muc muc) {
        this.muc = muc;
        this.commits = new GroupCommit<>(muc.store::archive, muc.ctx.blocking());
    }

    /**
     * Stamps the message with the room's stanza-id (XEP-0359, any claimed by the room dropped first) and
     * stores it; the stage completes with the stamped message once it is committed.
     */
    CompletionStage<Element> store(Room room, Element message, String fromNick, Jid fromJid) {
        String id = StanzaIds.newId();
        Element stamped = StanzaIds.withoutIdsBy(message, room.jid)
                .withChild(Element.builder("stanza-id", StanzaIds.NAMESPACE).attr("id", id).attr("by", room.jid.toString()).build());
        Instant now = muc.ctx.clock().instant();
        GroupStore.Message row = new GroupStore.Message(0, room.name, id, fromNick == null ? "" : fromNick,
                fromJid == null ? "" : fromJid.toString(), now, stamped.withAttr("to", null).toXml());
        return commits.submit(row).thenApply(v -> stamped);
    }

    /** The history sent on entering (XEP-0045 section 7.2.14), oldest first, each with its delay stamp. */
    CompletionStage<List<Element>> history(Room room, Element mucX) {
        int limit = muc.settings.historyMessages();
        Instant since = null;
        Element h = mucX == null ? null : mucX.child("history", MucNs.MUC);
        if (h != null) {
            limit = clamp(h.attr("maxstanzas"), limit);
            if ("0".equals(h.attr("maxchars"))) limit = 0;
            String seconds = h.attr("seconds");
            if (seconds != null) {
                try {
                    since = muc.ctx.clock().instant().minusSeconds(Math.max(0, Long.parseLong(seconds.trim())));
                } catch (NumberFormatException ignored) {
                    // an unreadable limit is no limit (the other attributes still apply)
                }
            }
            String sinceText = h.attr("since");
            if (sinceText != null) {
                try {
                    Instant s = Delay.parse(sinceText);
                    since = since == null || s.isAfter(since) ? s : since;
                } catch (IllegalArgumentException ignored) {
                    // as above
                }
            }
        }
        if (limit == 0) return CompletableFuture.completedFuture(List.of());
        int max = limit;
        Instant from = since;
        return CompletableFuture.supplyAsync(() -> muc.store.history(room.name, null, null, from, max, true), muc.ctx.blocking())
                .thenApply(newestFirst -> {
                    List<Element> out = new ArrayList<>(newestFirst.size());
                    for (GroupStore.Message m : newestFirst) {
                        out.add(StoredXml.parse(m.xml()).withChild(Delay.element(room.jid, m.stamp())));
                    }
                    Collections.reverse(out);
                    return out;
                });
    }

    private int clamp(String value, int fallback) {
        if (value == null) return fallback;
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.trim()), muc.settings.maxHistory()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** An XEP-0313 query to the room: results to the requester, then the {@code <fin/>}. */
    CompletionStage<Boolean> query(Room room, Stanza request) {
        MamRequest q;
        try {
            q = MamRequest.parse(Iq.payload(request));
            if (q.with() != null || q.ids() != null || q.afterId() != null || q.beforeId() != null || q.end() != null || q.flip()) {
                throw new QueryRefused(StanzaError.FEATURE_NOT_IMPLEMENTED, "a room's archive is filtered by start only");
            }
        } catch (QueryRefused refused) {
            return muc.refuse(request, refused.error(), refused.getMessage());
        }
        int max = Math.min(q.max(), muc.settings.maxHistory());
        boolean lastPage = "".equals(q.before());
        String anchor = q.after() != null ? q.after() : (q.before() != null && !lastPage ? q.before() : null);
        return CompletableFuture.supplyAsync(() -> {
            Long seq = null;
            if (anchor != null) {
                seq = muc.store.seqOf(room.name, anchor).orElse(null);
                if (seq == null) return null;
            }
            boolean backwards = q.before() != null;
            List<GroupStore.Message> page = muc.store.history(room.name, backwards ? null : seq, backwards ? seq : null,
                    q.start(), max + 1, backwards);
            List<GroupStore.Message> out = new ArrayList<>(page.subList(0, Math.min(max, page.size())));
            if (backwards) Collections.reverse(out);
            return new Page(out, page.size() <= max);
        }, muc.ctx.blocking()).thenCompose(page -> {
            if (page == null) return muc.refuse(request, StanzaError.ITEM_NOT_FOUND, "no such message in this archive");
            for (GroupStore.Message m : page.messages()) muc.fanout.send(request.from(), result(room, request.from(), q.queryId(), m));
            return muc.reply(Iq.result(request, fin(page)));
        });
    }

    private record Page(List<GroupStore.Message> messages, boolean complete) {}

    private static Element result(Room room, Jid requester, String queryId, GroupStore.Message m) {
        Element forwarded = Element.builder("forwarded", MucNs.FORWARD).child(Delay.element(null, m.stamp()))
                .child(StoredXml.parse(m.xml())).build();
        return Element.builder("message", Namespaces.CLIENT).attr("from", room.jid.toString()).attr("to", requester.toString())
                .child(Element.builder("result", MucNs.MAM).attr("queryid", queryId).attr("id", m.id()).child(forwarded).build())
                .build();
    }

    private static Element fin(Page page) {
        Element.Builder set = Element.builder("set", MucNs.RSM);
        if (!page.messages().isEmpty()) {
            set.textChild("first", page.messages().get(0).id());
            set.textChild("last", page.messages().get(page.messages().size() - 1).id());
        }
        return Element.builder("fin", MucNs.MAM).attr("complete", page.complete() ? "true" : null).child(set.build()).build();
    }

    @Override
    public void close() { commits.close(); }
}
