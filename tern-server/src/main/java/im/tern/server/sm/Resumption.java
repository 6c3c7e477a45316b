package im.tern.server.sm;

import im.tern.core.Jid;
import im.tern.server.session.LocalSession;
import im.tern.server.stream.StreamOutput;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server's managed sessions that may be resumed, by id, and the timer that ends those whose client
 * did not come back in time. One per server.
 */
public final class Resumption implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ManagedSession> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tern-sm-timeout");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;
    private final int maxUnacked;

    public Resumption(Duration timeout, int maxUnacked) {
        this.timeout = timeout;
        this.maxUnacked = maxUnacked;
    }

    /**
     * Puts a bound session under stream management. {@code requestedMax} is the client's preferred
     * resumption time in seconds (0 when it gave none); the server's limit caps it.
     */
    public ManagedSession manage(LocalSession session, StreamOutput out, boolean resume, long requestedMax, Object stream) {
        long max = requestedMax > 0 ? Math.min(requestedMax, timeout.toSeconds()) : timeout.toSeconds();
        ManagedSession m = new ManagedSession(newId(), session, new Outbox(out, maxUnacked), resume && max > 0, max, stream);
        if (m.resumable()) byId.put(m.id(), m);
        return m;
    }

    /**
     * A new stream of {@code account} asks for session {@code id}: returns it with the stream as its owner,
     * and the stream that had it in {@code previousOwner} (to be closed), or null when there is no such
     * session for that account and device (XEP-0198 item-not-found): one linked device cannot take over
     * another's session, whose revocation would then miss it.
     */
    public ManagedSession resume(String id, Jid account, String device, Object stream, Consumer<Object> previousOwner) {
        ManagedSession m = id == null ? null : byId.get(id);
        if (m == null || !m.account().equals(account) || !m.session().device().equals(device)) return null;
        return m.takeOver(stream, previousOwner) ? m : null;
    }

    /**
     * The stream's connection dropped: keep the session for the timeout, then run {@code onExpiry}.
     * False when the session cannot wait (not resumable, or the stream no longer owns it).
     */
    public boolean detach(ManagedSession m, Object stream, Consumer<ManagedSession> onExpiry) {
        if (!m.resumable()) return false;
        ScheduledFuture<?> expiry = timer.schedule(() -> {
            if (m.expire()) {
                byId.remove(m.id(), m);
                onExpiry.accept(m);
            }
        }, m.maxSeconds(), TimeUnit.SECONDS);
        return m.detach(stream, expiry);
    }

    /** Ends the session now if {@code stream} owns it; true when the caller must wind it up. */
    public boolean end(ManagedSession m, Object stream) {
        if (!m.end(stream)) return false;
        byId.remove(m.id(), m);
        return true;
    }

    /** Ends a detached session at once (its outbox overflowed); true when the caller must wind it up. */
    public boolean expireNow(ManagedSession m) {
        if (!m.expire()) return false;
        byId.remove(m.id(), m);
        return true;
    }

    @Override
    public void close() { timer.shutdownNow(); }

    private static String newId() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
