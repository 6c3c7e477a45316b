package im.tern.server.session;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.module.Session;
import im.tern.core.module.SessionKey;
import im.tern.xml.Element;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bound resource on this node. Kept small because an idle server holds one per connected device:
 * module state is a map created on first use, presence is the element the client sent.
 */
public final class LocalSession implements Session {
    private static final CompletableFuture<Void> ENDED = CompletableFuture.completedFuture(null);

    private final Jid jid;
    private final String device;
    private volatile Connection connection;
    private volatile Element presence;
    private volatile int priority;
    private volatile boolean interested;
    private volatile Map<SessionKey<?>, Object> state;
    /** Made only when someone waits for the end; {@link #ENDED} once over. */
    private CompletableFuture<Void> ended;

    public LocalSession(Jid jid, Connection connection) {
        this(jid, connection, AccountCredentials.PRIMARY);
    }

    /** A session of the account's device {@code device} (the credential it logged in with). */
    public LocalSession(Jid jid, Connection connection, String device) {
        if (!jid.isFull()) throw new IllegalArgumentException("a session is bound to a full JID: " + jid);
        this.jid = jid;
        this.connection = connection;
        this.device = device;
    }

    @Override
    public Jid jid() { return jid; }

    @Override
    public String device() { return device; }

    @Override
    public Element presence() { return presence; }

    @Override
    public void setPresence(Element newPresence) {
        if (newPresence != null && newPresence.attr("type") != null) newPresence = null; // unavailable
        priority = newPresence == null ? 0 : priorityOf(newPresence);
        presence = newPresence;
    }

    @Override
    public int priority() { return priority; }

    @Override
    public boolean interested() { return interested; }

    @Override
    public void setInterested(boolean interested) { this.interested = interested; }

    @Override
    public void send(Element stanza) { connection.send(stanza); }

    /** Sends bytes serialised once for several sessions (a message to all of an account's devices). */
    @Override
    public void send(Element stanza, byte[] serialised) { connection.send(stanza, serialised); }

    @Override
    public CompletionStage<Boolean> sendTracked(Element stanza) { return connection.sendTracked(stanza); }

    @Override
    public boolean detached() { return connection.detached(); }

    /** Moves the session onto the stream that resumed it (XEP-0198). */
    public void attach(Connection resumed) { this.connection = resumed; }

    /** The stream the session currently runs on. */
    public Connection connection() { return connection; }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(SessionKey<T> key) {
        Map<SessionKey<?>, Object> s = state;
        return s == null ? null : (T) s.get(key);
    }

    @Override
    public <T> void put(SessionKey<T> key, T value) {
        Map<SessionKey<?>, Object> s = state;
        if (s == null) {
            synchronized (this) {
                s = state;
                if (s == null) state = s = new ConcurrentHashMap<>(4);
            }
        }
        if (value == null) s.remove(key);
        else s.put(key, value);
    }

    @Override
    public void close(String streamErrorCondition) { connection.close(streamErrorCondition, null); }

    @Override
    public void close(String streamErrorCondition, String text) { connection.close(streamErrorCondition, text); }

    @Override
    public synchronized CompletionStage<Void> ended() {
        if (ended == null) ended = new CompletableFuture<>();
        return ended;
    }

    /** The session is over and the modules have been told: completes {@link #ended()}. */
    public void markEnded() {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = ended;
            ended = ENDED;
        }
        if (waiting != null) waiting.complete(null);
    }

    @Override
    public String toString() { return "session " + jid; }

    /** RFC 6121 section 4.7.2.3: an integer from -128 to 127; anything else counts as 0. */
    static int priorityOf(Element presence) {
        String text = presence.childText("priority", Namespaces.CLIENT);
        if (text == null) return 0;
        try {
            int p = Integer.parseInt(text.trim());
            return p < -128 || p > 127 ? 0 : p;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
