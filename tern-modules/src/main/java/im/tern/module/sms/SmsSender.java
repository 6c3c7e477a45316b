package im.tern.module.sms;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway behind a small pool of its own ({@code tern-sms-N}), so that a slow or unreachable provider
 * (a send may wait out connect and answer timeouts) holds these threads and never the server's blocking
 * pool, which logins and storage need. When too many messages wait, {@link #send} refuses at once.
 */
public final class SmsSender implements AutoCloseable {
    private final SmsGateway gateway;
    private final ThreadPoolExecutor pool;

    public SmsSender(SmsGateway gateway, int threads, int queue) {
        this.gateway = gateway;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "tern-sms-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Completes once the gateway accepted the message; fails with the {@link SmsException}. Throws
     * {@link java.util.concurrent.RejectedExecutionException} when the queue is full.
     */
    public CompletableFuture<Void> send(Sms sms) {
        return CompletableFuture.runAsync(() -> {
            try {
                gateway.send(sms);
            } catch (SmsException e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    /** Lets queued messages go out (for up to 5 s), then closes the gateway. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        gateway.close();
    }
}
