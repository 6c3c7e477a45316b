package im.tern.module.archive;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a clean-up task every interval on one daemon thread that its module owns and stops. The task
 * itself runs on the blocking pool (it talks to the store); a sweep still running when the next is due
 * is not doubled. Used by the archive and by offline storage.
 */
public final class Sweeper {
    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private ScheduledExecutorService timer;

    public Sweeper(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    public synchronized void start(Executor blocking) {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tern-sweep-" + name);
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> sweep(blocking), millis, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        stopped = true;
        if (timer != null) timer.shutdownNow();
        timer = null;
    }

    private void sweep(Executor blocking) {
        if (!running.compareAndSet(false, true)) return;
        try {
            blocking.execute(() -> {
                try {
                    if (!stopped) task.run();
                } catch (RuntimeException e) {
                    log.warn("{} sweep failed", name, e);
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            running.set(false); // the pool refused it (full or shut down): try again next time
        }
    }
}
