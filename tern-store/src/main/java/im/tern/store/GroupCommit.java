package im.tern.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Commits what many threads submit in few transactions: while one batch is being written, later
 * submissions queue, and the next write takes all of them (up to {@code maxBatch} items). Each
 * submitter's future completes once the batch function has returned, or exceptionally with its failure,
 * which every submitter in that batch sees. At most one batch is written at a time, so items are
 * committed in submission order.
 *
 * <p>Writes run on a daemon thread of its own, or on a borrowed executor (such as the server's bounded
 * blocking pool), one task per batch.
 */
public final class GroupCommit<T> implements AutoCloseable {
    public static final int DEFAULT_MAX_BATCH = 256;

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) {}

    private final Consumer<List<T>> writer;
    private final Executor executor;
    private final ExecutorService ownThread;
    private final int maxBatch;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    /** Writes on a daemon thread of its own named {@code name}, stopped by {@link #close()}. */
    public GroupCommit(String name, Consumer<List<T>> writer) {
        this(name, writer, DEFAULT_MAX_BATCH);
    }

    public GroupCommit(String name, Consumer<List<T>> writer, int maxBatch) {
        this(writer, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }), maxBatch, true);
    }

    /** Writes on the executor's threads; close this before shutting the executor down. */
    public GroupCommit(Consumer<List<T>> writer, Executor executor) {
        this(writer, executor, DEFAULT_MAX_BATCH);
    }

    public GroupCommit(Consumer<List<T>> writer, Executor executor, int maxBatch) {
        this(writer, executor, maxBatch, false);
    }

    private GroupCommit(Consumer<List<T>> writer, Executor executor, int maxBatch, boolean owned) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        this.writer = writer;
        this.executor = executor;
        this.ownThread = owned ? (ExecutorService) executor : null;
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
            if (items.isEmpty()) {
                done.complete(null);
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

    /**
     * Refuses new items, waits until everything queued has been written, then stops the writer thread
     * (if it is its own). An interrupt ends the wait early, leaving the rest to be written.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            try {
                while (writing) wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownThread != null) ownThread.shutdown();
    }

    private void schedule() {
        try {
            executor.execute(this::writeBatch);
        } catch (RuntimeException rejected) {
            // Nothing will run: fail everything queued rather than leave its futures hanging.
            List<Pending<T>> all;
            synchronized (this) {
                all = new ArrayList<>(queue);
                queue.clear();
                writing = false;
                notifyAll();
            }
            fail(all, rejected);
        }
    }

    private void writeBatch() {
        List<Pending<T>> batch = takeBatch();
        List<T> items = new ArrayList<>();
        for (Pending<T> p : batch) items.addAll(p.items());
        try {
            writer.accept(items);
            for (Pending<T> p : batch) p.done().complete(null);
        } catch (RuntimeException | Error e) {
            fail(batch, e);
        }
        boolean more;
        synchronized (this) {
            more = !queue.isEmpty();
            writing = more;
            if (!more) notifyAll();
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

    private static <T> void fail(List<Pending<T>> batch, Throwable e) {
        for (Pending<T> p : batch) p.done().completeExceptionally(e);
    }
}
