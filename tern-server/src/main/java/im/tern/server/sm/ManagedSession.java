package im.tern.server.sm;

import im.tern.core.Jid;
import im.tern.server.session.LocalSession;
import java.util.concurrent.ScheduledFuture;

/**
 * A session under stream management: the bound session, its outbox, the count of the client's stanzas
 * handled, and which stream owns it now. Ownership moves when a new stream resumes it; a stream that
 * lost ownership must no longer count, detach or end the session.
 */
public final class ManagedSession {
    private final String id;
    private final LocalSession session;
    private final Outbox outbox;
    private final boolean resumable;
    private final long maxSeconds;
    private Object owner;
    private long handled;
    private ScheduledFuture<?> timeout;
    private boolean ended;

    ManagedSession(String id, LocalSession session, Outbox outbox, boolean resumable, long maxSeconds, Object owner) {
        this.id = id;
        this.session = session;
        this.outbox = outbox;
        this.resumable = resumable;
        this.maxSeconds = maxSeconds;
        this.owner = owner;
    }

    public String id() { return id; }

    public LocalSession session() { return session; }

    public Jid account() { return session.jid().bare(); }

    public Outbox outbox() { return outbox; }

    public boolean resumable() { return resumable; }

    public long maxSeconds() { return maxSeconds; }

    /** One more of the client's stanzas was handled, if {@code stream} still owns the session. */
    public synchronized void handled(Object stream) {
        if (owner == stream) handled++;
    }

    public synchronized long handled() { return handled; }

    public synchronized boolean ownedBy(Object stream) { return owner == stream && !ended; }

    /**
     * Takes the session for a resuming stream, handing a stream that still held it to {@code previousOwner}
     * (to be closed); false when the session has ended.
     */
    synchronized boolean takeOver(Object stream, java.util.function.Consumer<Object> previousOwner) {
        if (ended) return false;
        if (timeout != null) timeout.cancel(false);
        timeout = null;
        if (owner != null && owner != stream) previousOwner.accept(owner);
        owner = stream;
        return true;
    }

    /** Marks the session waiting for resumption if {@code stream} owns it; false otherwise. */
    synchronized boolean detach(Object stream, ScheduledFuture<?> expiry) {
        if (owner != stream || ended) {
            expiry.cancel(false);
            return false;
        }
        outbox.detach();
        timeout = expiry;
        owner = null;
        return true;
    }

    /** Ends the session once: true for the caller that ended it, who then hands on what was unacknowledged. */
    synchronized boolean end(Object stream) {
        if (ended || owner != stream) return false;
        ended = true;
        if (timeout != null) timeout.cancel(false);
        return true;
    }

    /** Ends a detached session when its resumption time ran out. */
    synchronized boolean expire() {
        if (ended || owner != null) return false;
        ended = true;
        return true;
    }

    public synchronized boolean detached() { return owner == null && !ended; }
}
