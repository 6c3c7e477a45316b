package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void submissionsWhileAWriteRunsGoIntoOneLaterBatchInOrder() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GroupCommit<Integer> commits = new GroupCommit<>(items -> {
            batches.add(items);
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, pool)) {
            CompletableFuture<Void> first = commits.submit(0);
            firstStarted.await(5, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> later = new ArrayList<>();
            for (int i = 1; i <= 10; i++) later.add(commits.submit(List.of(i)));
            assertThat(later.get(0)).isNotDone();
            release.countDown();
            CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(first).isDone();
            assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsSubmittersAndLaterOnesStillRun() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (GroupCommit<String> commits = new GroupCommit<>(items -> {
            if (items.contains("bad")) throw new StoreException("disk full", null);
        }, pool)) {
            CompletableFuture<Void> bad = commits.submit("bad");
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasMessageContaining("disk full");
            commits.submit("good").get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchesStayWithinTheMaximumWithoutSplittingASubmission() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (GroupCommit<Integer> commits = new GroupCommit<>(items -> {
            sizes.add(items.size());
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
}
