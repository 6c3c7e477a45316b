package im.tern.server.sm;

import im.tern.server.stream.StreamOutput;
import im.tern.xml.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The stanzas sent to one client and not yet acknowledged, in order. Writes go through here so the
 * count the client acknowledges and the queue can never disagree; while the connection is gone
 * ({@link #detach()}) stanzas only queue. After every burst one {@code <r/>} asks the client for an ack,
 * and another follows an ack that left stanzas outstanding. Thread-safe (one lock per session).
 */
public final class Outbox {
    /** A stanza kept for retransmission; {@code tracker} completes when the client acknowledges it. */
    public record Item(Element stanza, byte[] serialised, CompletableFuture<Boolean> tracker) {}

    /** What an ack did: how many stanzas it released, or that it claimed more than was sent. */
    public enum AckResult { OK, TOO_HIGH }

    private final ArrayDeque<Item> unacked = new ArrayDeque<>();
    private final int max;
    private long acked;
    private StreamOutput out;
    private boolean requested;
    private boolean closed;

    public Outbox(StreamOutput out, int max) {
        this.out = out;
        this.max = max;
    }

    /**
     * Queues and, when connected, writes the stanza. Returns false when the outbox is closed (the session
     * ended: the caller must hand the stanza on) or holds more than the limit after this one.
     */
    public synchronized boolean send(Item item) {
        if (closed) return false;
        unacked.add(item);
        if (out != null) {
            write(item);
            if (!requested) {
                out.write(Sm.REQUEST);
                requested = true;
            }
        }
        return unacked.size() <= max;
    }

    /** The client's {@code <a h/>}: releases what it covers (h counts modulo 2^32). */
    public synchronized AckResult ack(long h) {
        long delta = (h - (acked & 0xFFFFFFFFL)) & 0xFFFFFFFFL;
        if (delta > unacked.size()) return AckResult.TOO_HIGH;
        for (long i = 0; i < delta; i++) {
            Item item = unacked.poll();
            if (item.tracker() != null) item.tracker().complete(true);
        }
        acked += delta;
        requested = false;
        if (!unacked.isEmpty() && out != null) {
            out.write(Sm.REQUEST);
            requested = true;
        }
        return AckResult.OK;
    }

    /** The connection is gone: queue without writing until {@link #resume}. */
    public synchronized void detach() {
        out = null;
        requested = false;
    }

    /**
     * A new stream took the session back: release what the client says it got, write {@code reply}
     * ({@code <resumed/>}) and then everything still unacknowledged, in order.
     */
    public synchronized AckResult resume(long h, StreamOutput newOut, Element reply) {
        if (ack(h) == AckResult.TOO_HIGH) return AckResult.TOO_HIGH;
        out = newOut;
        out.write(reply);
        for (Item item : unacked) write(item);
        if (!unacked.isEmpty()) {
            out.write(Sm.REQUEST);
            requested = true;
        }
        return AckResult.OK;
    }

    /** The session ended: returns what the client never acknowledged; later sends are refused. */
    public synchronized List<Item> close() {
        closed = true;
        out = null;
        List<Item> left = new ArrayList<>(unacked);
        unacked.clear();
        return left;
    }

    public synchronized int size() { return unacked.size(); }

    public synchronized boolean closed() { return closed; }

    private void write(Item item) {
        if (item.serialised() != null) out.write(item.serialised());
        else out.write(item.stanza());
    }
}
