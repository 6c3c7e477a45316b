package im.tern.server.sasl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per remote address and per username in a fixed window; once a key reaches the
 * limit, attempts for it are refused with {@code temporary-auth-failure} until the window ends.
 * Address and username are counted apart so that one attacker cannot lock out a user's other devices
 * from a single address and a botnet cannot hammer one account from many.
 */
public final class LoginBackoff {
    private static final class Window {
        long start;
        int failures;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoTime;

    public LoginBackoff(int maxFailures, Duration window) {
        this(maxFailures, window, System::nanoTime);
    }

    LoginBackoff(int maxFailures, Duration window, LongSupplier nanoTime) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    public boolean addressBlocked(String address) { return blocked("ip:" + address); }

    public boolean userBlocked(String username) { return username != null && blocked("user:" + username); }

    public void failed(String address, String username) {
        count("ip:" + address);
        if (username != null) count("user:" + username);
    }

    /** Forgets windows that have ended; called from the server's periodic sweep. */
    public void sweep() {
        long now = nanoTime.getAsLong();
        windows.values().removeIf(w -> now - w.start >= windowNanos);
    }

    private boolean blocked(String key) {
        Window w = windows.get(key);
        if (w == null) return false;
        synchronized (w) {
            return w.failures >= maxFailures && nanoTime.getAsLong() - w.start < windowNanos;
        }
    }

    private void count(String key) {
        long now = nanoTime.getAsLong();
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.failures == 0 || now - w.start >= windowNanos) {
                w.start = now;
                w.failures = 0;
            }
            w.failures++;
        }
    }
}
