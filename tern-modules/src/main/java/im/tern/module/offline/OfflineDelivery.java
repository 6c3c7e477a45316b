package im.tern.module.offline;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.core.module.Sessions;
import im.tern.module.archive.Storable;
import im.tern.module.stored.StoredXml;
import im.tern.store.MessageStore;
import im.tern.store.OfflineMessage;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an account's offline queue when a session sends its initial presence (XEP-0160): in order,
 * in batches, each message removed from the store only once the client acknowledged it (XEP-0198 via
 * {@link Session#sendTracked}). A send that fails ends the catch-up and leaves the rest queued for next
 * time. While the queue drains, new messages for the account join its end instead of overtaking it.
 *
 * <p>The diversion starts before the session is even available: the client's initial presence is seen
 * in a ClientStanza BEFORE hook, ahead of the presence module making the session available, so no
 * message can slip past the queue in between. It applies only when the session is the account's one
 * available resource; when another is online, new messages keep flowing to every device as usual.
 */
final class OfflineDelivery {
    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(OfflineDelivery.class);
    /** The offline messages a session was sent and has not acknowledged yet, by identity. */
    private static final SessionKey<Set<Element>> IN_FLIGHT = new SessionKey<>("offline-in-flight");

    private final ConcurrentMap<Jid, CatchUp> catchUps = new ConcurrentHashMap<>();
    private final MessageStore store;
    private final OfflineQueue queue;
    private final Sessions sessions;
    private final Executor blocking;
    private final Clock clock;

    OfflineDelivery(MessageStore store, OfflineQueue queue, Sessions sessions, Executor blocking, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.sessions = sessions;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The client sent its initial presence (ClientStanza, BEFORE): new messages queue from now on. */
    void reserve(Session session) {
        if (!othersAvailable(session)) catchUps.putIfAbsent(session.jid().bare(), new CatchUp(session, true));
    }

    /** The session is available (InitialPresence): deliver what waits, unless another session already is. */
    void begin(Session session) {
        Jid account = session.jid().bare();
        CatchUp c = catchUps.get(account);
        if (c == null) {
            CatchUp fresh = new CatchUp(session, !othersAvailable(session));
            c = catchUps.putIfAbsent(account, fresh);
            if (c == null) c = fresh;
        }
        if (c.session != session || !c.start()) return;
        next(c);
    }

    /**
     * A message was queued because no resource was available when it was routed. If one has become
     * available since, and its catch-up has already finished, it would wait for the next login: start a
     * catch-up for it. A catch-up still under way reads on and finds the message itself.
     */
    void queued(Jid account) {
        if (catchUps.containsKey(account)) return;
        for (Session s : sessions.of(account)) {
            if (s.available() && s.priority() >= 0) {
                begin(s);
                return;
            }
        }
    }

    /** The session ended (SessionClosed): its catch-up, started or not, stops diverting. */
    void ended(Session session) {
        CatchUp c = catchUps.get(session.jid().bare());
        if (c != null && c.session == session) end(c);
    }

    void forget(Jid account) {
        CatchUp c = catchUps.get(account);
        if (c != null) end(c);
    }

    /** InboundStanza, AFTER the archive: a message for an account that is catching up joins the queue. */
    CompletionStage<Hook.Outcome> divert(Events.InboundStanza event) {
        Stanza s = event.stanza();
        if (s.kind() != Stanza.Kind.MESSAGE || s.to() == null || !Storable.forOffline(s)) return Hook.CONTINUE;
        CatchUp c = catchUps.get(s.to().bare());
        if (c == null || toAnotherBoundResource(s.to(), c) || !c.beginDivert()) return Hook.CONTINUE;
        return queue.store(s).handle((stored, error) -> {
            if (c.endDivert()) next(c);
            if (error != null) throw new CompletionException(error); // the hook fails, so the message is delivered live
            // A full queue cannot take it; better delivered now, out of order, than refused to someone online.
            return stored ? Hook.Outcome.STOP : Hook.Outcome.CONTINUE;
        });
    }

    /** A message for another resource that is online goes there; one for a gone resource is the account's. */
    private boolean toAnotherBoundResource(Jid to, CatchUp c) {
        return to.isFull() && !to.equals(c.session.jid()) && sessions.get(to) != null;
    }

    /** Whether the session was sent this element by a catch-up and has not acknowledged it yet. */
    boolean inFlight(Session session, Element stanza) {
        Set<Element> set = session.get(IN_FLIGHT);
        return set != null && set.contains(stanza);
    }

    private void next(CatchUp c) {
        try {
            blocking.execute(() -> {
                try {
                    step(c);
                } catch (RuntimeException e) {
                    log.warn("offline delivery to {} failed; the rest stays queued", c.session.jid(), e);
                    end(c);
                }
            });
        } catch (RuntimeException e) {
            log.warn("offline delivery to {} could not be scheduled; the queue waits for the next login", c.session.jid(), e);
            end(c);
        }
    }

    /** One batch: read after the position, send, and on the acknowledgements remove and go on. */
    private void step(CatchUp c) {
        Session s = c.session;
        String owner = s.jid().local();
        if (c.finished() || sessions.get(s.jid()) != s) {
            end(c);
            return;
        }
        List<OfflineMessage> batch = store.offline(owner, c.position(), BATCH);
        if (batch.isEmpty()) {
            if (!c.tryFinish()) return; // the last diverted message resumes the loop
            catchUps.remove(s.jid().bare(), c);
            // Once more now the flag is gone: a message may have been queued while it was being cleared.
            if (sessions.get(s.jid()) == s && store.countOffline(owner) > 0) begin(s);
            return;
        }
        Instant now = clock.instant();
        List<Long> seqs = new ArrayList<>(batch.size());
        List<CompletableFuture<Boolean>> acks = new ArrayList<>(batch.size());
        Set<Element> inFlight = inFlightOf(s);
        for (OfflineMessage m : batch) {
            if (m.expiresAt() != null && !m.expiresAt().isAfter(now)) continue; // the sweeper deletes it
            Element e = StoredXml.parse(m.xml());
            inFlight.add(e);
            seqs.add(m.seq());
            acks.add(s.sendTracked(e).toCompletableFuture().whenComplete((ok, error) -> inFlight.remove(e)));
        }
        long last = batch.get(batch.size() - 1).seq();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .handleAsync((v, error) -> {
                    acknowledged(c, owner, seqs, acks, last);
                    return null;
                }, blocking)
                .exceptionally(error -> {
                    log.warn("offline delivery to {} failed; the rest stays queued", s.jid(), error);
                    end(c);
                    return null;
                });
    }

    /** Removes what the client has; goes on when it has the whole batch, stops otherwise. */
    private void acknowledged(CatchUp c, String owner, List<Long> seqs, List<CompletableFuture<Boolean>> acks, long last) {
        int delivered = 0;
        while (delivered < acks.size() && acks.get(delivered).handle((ok, e) -> Boolean.TRUE.equals(ok)).join()) delivered++;
        if (delivered == acks.size()) {
            store.removeOffline(owner, last);
            c.position(last);
            step(c);
            return;
        }
        if (delivered > 0) store.removeOffline(owner, seqs.get(delivered - 1));
        end(c);
    }

    private void end(CatchUp c) {
        c.abandon();
        catchUps.remove(c.session.jid().bare(), c);
    }

    private boolean othersAvailable(Session session) {
        for (Session other : sessions.of(session.jid().bare())) {
            if (other != session && other.available()) return true;
        }
        return false;
    }

    /** Only the one catch-up of the account touches this, so creating it needs no lock. */
    private static Set<Element> inFlightOf(Session s) {
        Set<Element> set = s.get(IN_FLIGHT);
        if (set == null) {
            set = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
            s.put(IN_FLIGHT, set);
        }
        return set;
    }
}
