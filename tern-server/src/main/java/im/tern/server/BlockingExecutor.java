package im.tern.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool for blocking work (storage, PBKDF2): fixed threads, a bounded queue, and rejection
 * rather than running on the caller, because the caller is usually an event loop. A rejected task shows
 * up as a failed stage, which the router answers with internal-server-error.
 */
final class BlockingExecutor {
    private static final int QUEUE = 10_000;

    private BlockingExecutor() {}

    static ThreadPoolExecutor create(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "tern-blocking-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
