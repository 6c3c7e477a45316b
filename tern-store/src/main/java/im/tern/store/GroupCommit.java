package im.tern.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Commits what many threads submit in few transactions: while one batch is being written, later
 * submissions queue, and the next write takes all of them (up to {@code maxBatch} items). Each
 * submitter's future completes once its items are committed, or exceptionally with the batch's failure.
 * At most one batch is written at a time, so items are committed in submission order.
 */
public final class GroupCommit<T> implements AutoCloseable {
    public static final int DEFAULT_MAX_BATCH = 512;

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) {}

    private final Consumer<List<T>> writer;
    private final Executor executor;
    private final int maxBatch;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    public GroupCommit(Consumer<List<T>> writer, Executor executor) {
        this(writer, executor, DEFAULT_MAX_BATCH);
    }

    public GroupCommit(Consumer<List<T>> writer, Executor executor, int maxBatch) {
        this.writer = writer;
        this.executor = executor;
        this.maxBatch = maxBatch;
    }

    /** Queues items to be committed together (never split across transactions). */
    public CompletableFuture<Void> submit(List<T> items) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (this) {
            if (closed) {
                done.completeExceptionally(new IllegalStateException("closed"));
                return done;
            }
            queue.add(new Pending<>(List.copyOf(items), done));
            start = !writing;
            writing = true;
        }
        if (start) schedule();
        return done;
    }

    public CompletableFuture<Void> submit(T item) { return submit(List.of(item)); }

    /** Refuses new items; what is queued is still written. */
    @Override
    public synchronized void close() { closed = true; }

    private void schedule() {
        try {
            executor.execute(this::writeBatch);
        } catch (RuntimeException rejected) {
            fail(takeBatch(), rejected);
            synchronized (this) {
                writing = false;
            }
        }
    }

    private void writeBatch() {
        List<Pending<T>> batch = takeBatch();
        List<T> items = new ArrayList<>();
        for (Pending<T> p : batch) items.addAll(p.items());
        try {
            writer.accept(items);
            for (Pending<T> p : batch) p.done().complete(null);
        } catch (RuntimeException e) {
            fail(batch, e);
        }
        boolean more;
        synchronized (this) {
            more = !queue.isEmpty();
            writing = more;
        }
        if (more) schedule();
    }

    private synchronized List<Pending<T>> takeBatch() {
        List<Pending<T>> batch = new ArrayList<>();
        int size = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || size + queue.peek().items().size() <= maxBatch)) {
            Pending<T> p = queue.poll();
            batch.add(p);
            size += p.items().size();
        }
        return batch;
    }

    private static <T> void fail(List<Pending<T>> batch, RuntimeException e) {
        for (Pending<T> p : batch) p.done().completeExceptionally(e);
    }
}
