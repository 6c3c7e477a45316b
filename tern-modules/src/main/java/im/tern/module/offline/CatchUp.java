package im.tern.module.offline;

import im.tern.core.module.Session;

/**
 * One account's catch-up: the session its offline messages go to, and whether new messages for the
 * account are diverted into the queue meanwhile so that they cannot overtake the queued ones. The loop
 * finishes only when the queue is empty and no diverted message is still being stored; the last such
 * store then resumes the loop instead. Thread-safe.
 */
final class CatchUp {
    final Session session;
    final boolean diverts;
    private boolean started;
    private boolean finished;
    private boolean waiting;
    private int diverting;
    private volatile long position;

    CatchUp(Session session, boolean diverts) {
        this.session = session;
        this.diverts = diverts;
    }

    /** Whether this call started it (once only, and never after it was abandoned). */
    synchronized boolean start() {
        if (started || finished) return false;
        started = true;
        return true;
    }

    /** Takes a new message into the queue, unless the catch-up does not divert or is over. */
    synchronized boolean beginDivert() {
        if (!diverts || finished) return false;
        diverting++;
        return true;
    }

    /** A diverted message is stored; true when the loop was waiting for it and must now go on. */
    synchronized boolean endDivert() {
        diverting--;
        if (diverting == 0 && waiting && !finished) {
            waiting = false;
            return true;
        }
        return false;
    }

    /** The queue looked empty: finishes, unless diverted messages are still being stored. */
    synchronized boolean tryFinish() {
        if (diverting > 0) {
            waiting = true;
            return false;
        }
        finished = true;
        return true;
    }

    synchronized void abandon() {
        finished = true;
        waiting = false;
    }

    synchronized boolean finished() { return finished; }

    /** The sequence number of the last message handled: the loop reads on after it. */
    long position() { return position; }

    void position(long seq) { position = seq; }
}
