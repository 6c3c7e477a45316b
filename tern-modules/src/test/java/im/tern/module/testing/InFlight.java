package im.tern.module.testing;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts work under way (blocking tasks, routing) so a test can wait until the server is quiet. */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();

    Executor track(Executor pool) {
        return task -> {
            count.incrementAndGet();
            try {
                pool.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        count.decrementAndGet();
                    }
                });
            } catch (RuntimeException e) {
                count.decrementAndGet();
                throw e;
            }
        };
    }

    <T> CompletionStage<T> track(java.util.function.Supplier<CompletionStage<T>> work) {
        count.incrementAndGet();
        CompletionStage<T> stage;
        try {
            stage = work.get();
        } catch (RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
        stage.whenComplete((v, e) -> count.decrementAndGet());
        return stage;
    }

    void awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        while (quietChecks < 3) {
            if (System.nanoTime() > deadline) throw new AssertionError("server still busy after " + timeout);
            quietChecks = count.get() == 0 ? quietChecks + 1 : 0;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
