package im.tern.module.testing;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** A bound resource whose client is a queue: everything sent to it waits in {@link #received()}. */
public final class TestSession implements Session {
    private final Jid jid;
    private final Queue<Element> received = new ConcurrentLinkedQueue<>();
    private final Map<SessionKey<?>, Object> state = new ConcurrentHashMap<>();
    private volatile Element presence;
    private volatile int priority;
    private volatile boolean interested;
    private volatile String closedWith;
    private volatile boolean detached;
    private final Queue<CompletableFuture<Boolean>> unacknowledged = new java.util.ArrayDeque<>();
    private boolean holdAcks;

    private final String device;
    private volatile String closedText;

    TestSession(Jid jid) { this(jid, im.tern.core.auth.AccountCredentials.PRIMARY); }

    TestSession(Jid jid, String device) {
        this.jid = jid;
        this.device = device;
    }

    @Override
    public String device() { return device; }

    @Override
    public Jid jid() { return jid; }

    @Override
    public Element presence() { return presence; }

    /** As the server's session: a presence with a type makes the session unavailable. */
    @Override
    public void setPresence(Element p) {
        if (p != null && p.attr("type") != null) p = null;
        String text = p == null ? null : p.childText("priority", Namespaces.CLIENT);
        int value = 0;
        try {
            if (text != null) value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        priority = value < -128 || value > 127 ? 0 : value;
        presence = p;
    }

    @Override
    public int priority() { return priority; }

    @Override
    public boolean interested() { return interested; }

    @Override
    public void setInterested(boolean interested) { this.interested = interested; }

    @Override
    public void send(Element stanza) { received.add(stanza); }

    /**
     * As a stream without stream management, the client has it once written; after {@link #holdAcks()},
     * as one with it (XEP-0198): pending until {@link #acknowledge} or {@link #dropUnacknowledged}.
     */
    @Override
    public synchronized CompletionStage<Boolean> sendTracked(Element stanza) {
        received.add(stanza);
        if (!holdAcks) return CompletableFuture.completedFuture(true);
        CompletableFuture<Boolean> tracker = new CompletableFuture<>();
        unacknowledged.add(tracker);
        return tracker;
    }

    /** From now on tracked stanzas wait for the test to acknowledge them. */
    public synchronized void holdAcks() { holdAcks = true; }

    /** The client acknowledges the oldest {@code count} tracked stanzas it has not yet acknowledged. */
    public void acknowledge(int count) {
        List<CompletableFuture<Boolean>> done = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < count && !unacknowledged.isEmpty(); i++) done.add(unacknowledged.poll());
        }
        for (CompletableFuture<Boolean> f : done) f.complete(true);
    }

    /** The session ends without acknowledging: every pending tracked stanza completes false. */
    public void dropUnacknowledged() {
        List<CompletableFuture<Boolean>> done;
        synchronized (this) {
            done = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        for (CompletableFuture<Boolean> f : done) f.complete(false);
    }

    public synchronized int unacknowledgedCount() { return unacknowledged.size(); }

    @Override
    public boolean detached() { return detached; }

    /** As a session whose connection dropped and that waits to be resumed (XEP-0198): it still receives. */
    public void setDetached(boolean detached) { this.detached = detached; }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(SessionKey<T> key) { return (T) state.get(key); }

    @Override
    public <T> void put(SessionKey<T> key, T value) {
        if (value == null) state.remove(key);
        else state.put(key, value);
    }

    @Override
    public void close(String streamErrorCondition) { closedWith = streamErrorCondition == null ? "" : streamErrorCondition; }

    @Override
    public void close(String streamErrorCondition, String text) {
        closedText = text;
        close(streamErrorCondition);
    }

    /** The {@code <text/>} the stream error carried, or null. */
    public String closedText() { return closedText; }

    public Queue<Element> received() { return received; }

    /** Takes and returns everything received so far. */
    public List<Element> drain() {
        List<Element> out = new ArrayList<>();
        for (Element e; (e = received.poll()) != null; ) out.add(e);
        return out;
    }

    /** Takes everything received so far and returns what matches. */
    public List<Element> drain(Predicate<Element> filter) {
        return drain().stream().filter(filter).toList();
    }

    public String closedWith() { return closedWith; }

    @Override
    public String toString() { return "test session " + jid; }
}
