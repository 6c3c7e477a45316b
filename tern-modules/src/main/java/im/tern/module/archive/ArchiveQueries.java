package im.tern.module.archive;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.store.ArchivePage;
import im.tern.store.ArchiveQuery;
import im.tern.store.ArchivedMessage;
import im.tern.store.ItemNotFoundException;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Answers queries on an account's own archive (XEP-0313 section 4): the results go to the requesting
 * resource one message each, in order, before the IQ result that carries the {@code <fin/>}. Expired
 * messages (disappearing ones past their timer) are never returned, whether or not the sweeper has
 * deleted them yet.
 */
final class ArchiveQueries {
    private final MessageStore store;
    private final Sessions sessions;
    private final Executor blocking;
    private final Clock clock;

    ArchiveQueries(MessageStore store, Sessions sessions, Executor blocking, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** {@code <iq type='set'><query xmlns='urn:xmpp:mam:2' queryid/>}. */
    CompletionStage<Stanza> query(Stanza request) {
        if (!ArchivePrefs.ownArchive(request)) return done(request.errorReply(StanzaError.FORBIDDEN));
        MamRequest q;
        try {
            q = MamRequest.parse(Iq.payload(request));
        } catch (QueryRefused e) {
            return done(request.errorReply(e.error(), e.getMessage()));
        }
        Session requester = sessions.get(request.from());
        return inOrder(() -> answer(request, q, requester));
    }

    /**
     * Runs the query on the blocking pool; the results go out from there, and the reply after them: the
     * server's writes keep the order they were asked in, whichever thread asks (OrderedWriter).
     */
    private CompletableFuture<Stanza> inOrder(Supplier<Stanza> work) {
        try {
            return CompletableFuture.supplyAsync(work, blocking);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }

    private Stanza answer(Stanza request, MamRequest q, Session requester) {
        Jid owner = request.to();
        Instant now = clock.instant();
        String missing = missingId(owner.local(), q.ids(), now);
        if (missing != null) return request.errorReply(StanzaError.ITEM_NOT_FOUND, "no message with id " + missing + " in the archive");
        ArchivePage page;
        try {
            page = store.query(owner.local(), storeQuery(q, now));
        } catch (ItemNotFoundException e) {
            return request.errorReply(StanzaError.ITEM_NOT_FOUND, "no message with id " + e.getMessage() + " in the archive");
        }
        List<ArchivedMessage> messages = page.messages();
        if (requester != null) {
            List<ArchivedMessage> sent = q.flip() ? reversed(messages) : messages;
            for (ArchivedMessage m : sent) requester.send(ArchiveResults.result(owner, request.from(), q.queryId(), m));
        }
        return Iq.result(request, ArchiveResults.fin(messages, page.firstIndex(), page.count(), page.complete()));
    }

    /**
     * The archive keeps the other party's bare JID, so a full JID in 'with' matches all its resources
     * (XEP-0313 section 4.1.1 asks for the resource to count; Tern does not record it).
     */
    private static ArchiveQuery storeQuery(MamRequest q, Instant now) {
        return new ArchiveQuery(q.with() == null ? null : q.with().bare().toString(), q.start(), q.end(), q.afterId(),
                q.beforeId(), q.ids(), q.max(), q.after(), q.before(), now);
    }

    /** The first of the requested ids the archive does not hold (or holds expired), or null (XEP-0313 section 4.1.3). */
    private String missingId(String owner, List<String> ids, Instant now) {
        if (ids == null) return null;
        for (String id : ids) {
            ArchivedMessage m = store.find(owner, id).orElse(null);
            if (m == null || (m.expiresAt() != null && !m.expiresAt().isAfter(now))) return id;
        }
        return null;
    }

    /** {@code <iq type='get'><query xmlns='urn:xmpp:mam:2'/>}: the fields a query may use. */
    CompletionStage<Stanza> form(Stanza request) {
        if (!ArchivePrefs.ownArchive(request)) return done(request.errorReply(StanzaError.FORBIDDEN));
        Element form = Element.builder("x", DataForm.NAMESPACE).attr("type", "form")
                .child(DataForm.formType(ArchiveModule.NAMESPACE))
                .child(DataForm.field("with", "jid-single"))
                .child(DataForm.field("start", "text-single"))
                .child(DataForm.field("end", "text-single"))
                .child(DataForm.field("before-id", "text-single"))
                .child(DataForm.field("after-id", "text-single"))
                .child(Element.builder("field", DataForm.NAMESPACE).attr("var", "ids").attr("type", "list-multi")
                        .child(Element.builder("validate", "http://jabber.org/protocol/xdata-validate").attr("datatype", "xs:string")
                                .child(Element.empty("open", "http://jabber.org/protocol/xdata-validate")).build())
                        .build())
                .build();
        return done(Iq.result(request, Element.builder("query", ArchiveModule.NAMESPACE).child(form).build()));
    }

    /** {@code <iq type='get'><metadata xmlns='urn:xmpp:mam:2'/>}: the first and last message in the archive. */
    CompletionStage<Stanza> metadata(Stanza request) {
        if (!ArchivePrefs.ownArchive(request)) return done(request.errorReply(StanzaError.FORBIDDEN));
        String owner = request.to().local();
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            ArchivePage first = store.query(owner, ArchiveQuery.first(1, now));
            ArchivePage last = store.query(owner, ArchiveQuery.last(1, now));
            Element.Builder metadata = Element.builder("metadata", ArchiveModule.NAMESPACE);
            if (!first.messages().isEmpty() && !last.messages().isEmpty()) {
                metadata.child(edge("start", first.messages().get(0)));
                metadata.child(edge("end", last.messages().get(0)));
            }
            return Iq.result(request, metadata.build());
        }, blocking);
    }

    private static Element edge(String name, ArchivedMessage m) {
        return Element.builder(name, ArchiveModule.NAMESPACE).attr("id", m.id()).attr("timestamp", Delay.format(m.timestamp())).build();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
