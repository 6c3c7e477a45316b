package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void submissionsWhileAWriteRunsGoIntoOneLaterBatchInOrder() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Integer> commits = new GroupCommit<>("test-commit", items -> {
            batches.add(items);
            firstStarted.countDown();
            await(release);
        })) {
            CompletableFuture<Void> first = commits.submit(0);
            firstStarted.await(5, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> later = new ArrayList<>();
            for (int i = 1; i <= 10; i++) later.add(commits.submit(List.of(i)));
            assertThat(later.get(0)).isNotDone();
            release.countDown();
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(first).isDone();
            assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        }
    }

    @Test
    void concurrentSubmittersShareBatchesAndKeepTheirOrder() throws Exception {
        int threads = 8;
        int perThread = 500;
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Map<Integer, List<Integer>> written = new ConcurrentHashMap<>();
        ExecutorService submitters = Executors.newFixedThreadPool(threads);
        try (GroupCommit<int[]> commits = new GroupCommit<>("test-commit", items -> {
            batchSizes.add(items.size());
            for (int[] item : items) written.computeIfAbsent(item[0], k -> new ArrayList<>()).add(item[1]);
            sleep(1); // a transaction takes a while; meanwhile the next batch gathers
        }, 64)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<CompletableFuture<Void>>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(submitters.submit(() -> {
                    go.await();
                    List<CompletableFuture<Void>> done = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) done.add(commits.submit(new int[] {thread, i}));
                    return done;
                }));
            }
            go.countDown();
            for (Future<List<CompletableFuture<Void>>> f : sent) {
                CompletableFuture.allOf(f.get().toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
        } finally {
            submitters.shutdownNow();
        }

        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * perThread);
        assertThat(batchSizes).allMatch(n -> n <= 64).anyMatch(n -> n > 1);
        assertThat(batchSizes.size()).isLessThan(threads * perThread / 4);
        for (int t = 0; t < threads; t++) {
            assertThat(written.get(t)).isSortedAccordingTo(Integer::compare).hasSize(perThread);
        }
    }

    @Test
    void aFailedBatchFailsEveryOneOfItsSubmittersAndLaterOnesStillRun() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<String> commits = new GroupCommit<>("test-commit", items -> {
            firstStarted.countDown();
            await(release);
            if (items.contains("bad")) throw new StoreException("disk full", null);
        })) {
            CompletableFuture<Void> blocker = commits.submit("first");
            firstStarted.await(5, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> sameBatch = List.of(commits.submit("a"), commits.submit("bad"), commits.submit("c"));
            release.countDown();
            blocker.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : sameBatch) {
                assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StoreException.class).hasMessageContaining("disk full");
            }
            commits.submit("good").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void batchesStayWithinTheMaximumWithoutSplittingASubmission() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (GroupCommit<Integer> commits = new GroupCommit<>(items -> {
            sizes.add(items.size());
            await(hold);
        }, pool, 4)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            all.add(commits.submit(List.of(1)));
            for (int i = 0; i < 5; i++) all.add(commits.submit(List.of(1, 2)));
            hold.countDown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(sizes).allMatch(n -> n <= 4);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesMore() {
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>("test-commit", items -> {
            sleep(5);
            written.addAll(items);
        }, 10);
        for (int i = 0; i < 100; i++) queued.add(commits.submit(i));

        commits.close();

        assertThat(queued).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(written).hasSize(100).isSortedAccordingTo(Integer::compare);
        assertThat(commits.submit(100)).isCompletedExceptionally();
    }

    @Test
    void writesRunOnADaemonThreadOfItsOwn() throws Exception {
        CompletableFuture<Thread> writerThread = new CompletableFuture<>();
        try (GroupCommit<String> commits = new GroupCommit<>("tern-archive-writer", items -> writerThread.complete(Thread.currentThread()))) {
            commits.submit("x").get(5, TimeUnit.SECONDS);
        }
        Thread thread = writerThread.get();
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("tern-archive-writer");
        thread.join(5000);
        assertThat(thread.isAlive()).as("stopped by close").isFalse();
    }

    @Test
    void anExecutorThatRefusesWorkFailsEverythingQueued() {
        Consumer<List<String>> neverCalled = items -> { throw new AssertionError("written"); };
        try (GroupCommit<String> commits = new GroupCommit<>(neverCalled, task -> { throw new RejectedExecutionException("shut down"); })) {
            assertThat(commits.submit("x")).isCompletedExceptionally();
            assertThat(commits.submit("y")).isCompletedExceptionally();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
