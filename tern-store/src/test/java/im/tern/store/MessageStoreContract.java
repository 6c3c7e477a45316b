package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MessageStore} backend must do; subclasses say which backend. */
public abstract class MessageStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private Database database;
    protected MessageStore store;

    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        store = database.store(MessageStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ArchivedMessage msg(String owner, int n, String with) {
        return new ArchivedMessage(owner, "id-" + n, with, "origin-" + n, n % 2 == 0, T0.plusSeconds(n), null,
                "<message xmlns='jabber:client'><body>" + n + "</body></message>");
    }

    private static ArchivedMessage at(String id, Instant timestamp) {
        return new ArchivedMessage("alice", id, "bob@t", null, false, timestamp, null, "<m/>");
    }

    /** Archives n messages for alice, alternating between bob and carol. */
    private void archive(int n) {
        List<ArchivedMessage> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(msg("alice", i, i % 2 == 0 ? "bob@t" : "carol@t"));
        store.archive(all);
    }

    private static List<String> ids(ArchivePage page) { return page.messages().stream().map(ArchivedMessage::id).toList(); }

    private static List<String> range(int from, int to) { return IntStream.range(from, to).mapToObj(i -> "id-" + i).toList(); }

    private static ArchiveQuery page(int max, String after, String before) {
        return new ArchiveQuery(null, null, null, null, null, null, max, after, before, T0);
    }

    @Test
    void pagesForwardInArchivingOrderUntilComplete() {
        archive(25);
        ArchivePage first = store.query("alice", page(10, null, null));
        assertThat(ids(first)).isEqualTo(range(0, 10));
        assertThat(first.complete()).isFalse();
        assertThat(first.count()).isEqualTo(25);
        assertThat(first.firstIndex()).isZero();
        ArchivePage third = store.query("alice", page(10, "id-19", null));
        assertThat(ids(third)).isEqualTo(range(20, 25));
        assertThat(third.complete()).isTrue();
        assertThat(third.firstIndex()).isEqualTo(20);
        assertThat(third.first()).isEqualTo("id-20");
        assertThat(third.last()).isEqualTo("id-24");
    }

    @Test
    void pagesBackwardFromTheLastPage() {
        archive(25);
        ArchivePage last = store.query("alice", page(10, null, ""));
        assertThat(ids(last)).isEqualTo(range(15, 25));
        assertThat(last.complete()).isFalse();
        ArchivePage earliest = store.query("alice", page(10, null, "id-5"));
        assertThat(ids(earliest)).isEqualTo(range(0, 5));
        assertThat(earliest.complete()).isTrue();
    }

    @Test
    void archiveOrderIsTheOrderOfArchivingNotOfTimestamps() {
        store.archive(List.of(at("late", T0.plusSeconds(60)), at("early", T0)));
        store.archive(List.of(at("earliest", T0.minusSeconds(60))));

        assertThat(ids(store.query("alice", page(10, null, null)))).containsExactly("late", "early", "earliest");
        assertThat(ids(store.query("alice", page(10, "late", null)))).containsExactly("early", "earliest");
        assertThat(ids(store.query("alice", page(1, null, "")))).containsExactly("earliest");
    }

    @Test
    void pagesBackwardWithinAFilterAndCountsOnlyWhatMatches() {
        archive(20); // bob has the even ids
        ArchivePage last = store.query("alice", new ArchiveQuery("bob@t", null, null, null, null, null, 3, null, "", T0));
        assertThat(ids(last)).containsExactly("id-14", "id-16", "id-18");
        assertThat(last.complete()).isFalse();
        assertThat(last.count()).isEqualTo(10);
        assertThat(last.firstIndex()).isEqualTo(7);
        ArchivePage earlier = store.query("alice", new ArchiveQuery("bob@t", null, null, null, null, null, 3, null, "id-14", T0));
        assertThat(ids(earlier)).containsExactly("id-8", "id-10", "id-12");
        ArchivePage first = store.query("alice", new ArchiveQuery("bob@t", null, null, null, null, null, 3, null, "id-6", T0));
        assertThat(ids(first)).containsExactly("id-0", "id-2", "id-4");
        assertThat(first.complete()).isTrue();
        assertThat(first.firstIndex()).isZero();
    }

    @Test
    void timeWindowPagesUntilComplete() {
        archive(20);
        ArchiveQuery window = new ArchiveQuery(null, T0.plusSeconds(5), T0.plusSeconds(12), null, null, null, 5, null, null, T0);
        ArchivePage first = store.query("alice", window);
        assertThat(ids(first)).isEqualTo(range(5, 10));
        assertThat(first.complete()).isFalse();
        assertThat(first.count()).isEqualTo(8);
        ArchivePage rest = store.query("alice", new ArchiveQuery(null, T0.plusSeconds(5), T0.plusSeconds(12), null, null, null, 5,
                first.last(), null, T0));
        assertThat(ids(rest)).isEqualTo(range(10, 13));
        assertThat(rest.complete()).isTrue();
        ArchivePage small = store.query("alice", ArchiveQuery.last(50, T0));
        assertThat(small.messages()).hasSize(20);
        assertThat(small.complete()).isTrue();
    }

    @Test
    void filtersByCorrespondentTimeAndIds() {
        archive(20);
        ArchivePage withBob = store.query("alice", new ArchiveQuery("bob@t", null, null, null, null, null, 50, null, null, T0));
        assertThat(ids(withBob)).containsExactly("id-0", "id-2", "id-4", "id-6", "id-8", "id-10", "id-12", "id-14", "id-16", "id-18");
        assertThat(withBob.complete()).isTrue();
        ArchivePage window = store.query("alice", new ArchiveQuery(null, T0.plusSeconds(5), T0.plusSeconds(7), null, null, null, 50, null, null, T0));
        assertThat(ids(window)).containsExactly("id-5", "id-6", "id-7");
        ArchivePage some = store.query("alice", new ArchiveQuery(null, null, null, null, null, List.of("id-3", "id-9"), 50, null, null, T0));
        assertThat(ids(some)).containsExactly("id-3", "id-9");
        ArchivePage between = store.query("alice", new ArchiveQuery(null, null, null, "id-10", "id-13", null, 50, null, null, T0));
        assertThat(ids(between)).containsExactly("id-11", "id-12");
    }

    @Test
    void unknownIdIsItemNotFound() {
        archive(3);
        assertThatThrownBy(() -> store.query("alice", page(10, "nope", null))).isInstanceOf(ItemNotFoundException.class).hasMessage("nope");
        // An id from someone else's archive is just as unknown here.
        store.archive(List.of(msg("bob", 99, "alice@t")));
        assertThatThrownBy(() -> store.query("alice", page(10, null, "id-99"))).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> store.query("alice", new ArchiveQuery(null, null, null, "gone", null, null, 10, null, null, T0)))
                .isInstanceOf(ItemNotFoundException.class).hasMessage("gone");
        assertThatThrownBy(() -> store.query("alice", new ArchiveQuery(null, null, null, null, "gone", null, 10, null, null, T0)))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void originIdLookupTellsWhoSentIt() {
        // Both sides may pick the same origin-id: a retraction must find the retractor's own message.
        ArchivedMessage mine = new ArchivedMessage("alice", "a1", "bob@t", "same", true, T0, null, "<mine/>");
        ArchivedMessage his = new ArchivedMessage("alice", "a2", "bob@t", "same", false, T0, null, "<his/>");
        store.archive(List.of(mine, his));

        assertThat(store.findByOriginId("alice", "bob@t", "same", true)).contains(mine);
        assertThat(store.findByOriginId("alice", "bob@t", "same", false)).contains(his);
        assertThat(store.findByOriginId("bob", "alice@t", "same", true)).isEmpty();
    }

    @Test
    void aRepeatedIdOrAnOversizedOriginIdDoesNotFailTheBatch() {
        store.archive(List.of(msg("alice", 1, "bob@t")));
        ArchivedMessage oversized = new ArchivedMessage("alice", "big", "bob@t", "o".repeat(ArchivedMessage.MAX_ORIGIN_ID + 1), false,
                T0, null, "<m/>");
        assertThat(oversized.originId()).isNull();

        store.archive(List.of(msg("alice", 1, "bob@t"), oversized, msg("alice", 2, "bob@t")));

        assertThat(ids(store.query("alice", page(10, null, null)))).containsExactly("id-1", "big", "id-2");
    }

    @Test
    void ownersNeverSeeEachOthersRows() {
        // The same ids in two archives are two different messages.
        ArchivedMessage alices = new ArchivedMessage("alice", "x", "bob@t", "o", true, T0, null, "<alice/>");
        ArchivedMessage bobs = new ArchivedMessage("bob", "x", "alice@t", "o", false, T0, null, "<bob/>");
        store.archive(List.of(alices, bobs, msg("bob", 1, "carol@t")));
        long alicesWaiting = store.storeOffline("alice", "<for-alice/>", T0, null, 10);
        long bobsWaiting = store.storeOffline("bob", "<for-bob/>", T0, null, 10);

        assertThat(store.find("alice", "x")).contains(alices);
        assertThat(store.find("bob", "x")).contains(bobs);
        assertThat(store.query("alice", page(10, null, null)).messages()).containsExactly(alices);
        assertThat(store.query("alice", page(10, null, "")).count()).isEqualTo(1);
        assertThatThrownBy(() -> store.query("alice", page(10, "id-1", null))).isInstanceOf(ItemNotFoundException.class);
        assertThat(store.findByOriginId("alice", "bob@t", "o", false)).isEmpty();
        assertThat(store.replace("alice", "x", "<tombstone/>")).isTrue();
        assertThat(store.find("bob", "x")).contains(bobs);
        assertThat(store.replace("alice", "id-1", "<tombstone/>")).isFalse();

        assertThat(bobsWaiting).isGreaterThan(alicesWaiting);
        assertThat(store.offline("alice", 0, 10)).extracting(OfflineMessage::xml).containsExactly("<for-alice/>");
        assertThat(store.removeOffline("alice", bobsWaiting)).isEqualTo(1);
        assertThat(store.offline("bob", 0, 10)).extracting(OfflineMessage::seq).containsExactly(bobsWaiting);
        assertThat(store.countOffline("bob")).isEqualTo(1);
    }

    @Test
    void groupCommitArchivesConcurrentSendersInFewTransactionsAndInOrder() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        int threads = 8;
        int perThread = 100;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (GroupCommit<ArchivedMessage> commits = new GroupCommit<>("test-archive", batch -> {
            batchSizes.add(batch.size());
            store.archive(batch);
        })) {
            List<Future<List<CompletableFuture<Void>>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String with = "sender" + t + "@t";
                sent.add(senders.submit(() -> {
                    List<CompletableFuture<Void>> done = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        done.add(commits.submit(new ArchivedMessage("alice", with + "/" + i, with, null, false, T0, null, "<m/>")));
                    }
                    return done;
                }));
            }
            for (Future<List<CompletableFuture<Void>>> f : sent) {
                CompletableFuture.allOf(f.get().toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(threads * perThread);
        assertThat(batchSizes.size()).isLessThan(threads * perThread);
        for (int t = 0; t < threads; t++) {
            List<String> ids = ids(store.query("alice", new ArchiveQuery("sender" + t + "@t", null, null, null, null, null,
                    perThread, null, null, T0)));
            String prefix = "sender" + t + "@t/";
            assertThat(ids).isEqualTo(IntStream.range(0, perThread).mapToObj(i -> prefix + i).toList());
        }
    }

    @Test
    void findsByIdAndOriginIdAndReplaces() {
        archive(4);
        assertThat(store.find("alice", "id-2")).hasValueSatisfying(m -> {
            assertThat(m.with()).isEqualTo("bob@t");
            assertThat(m.outgoing()).isTrue();
            assertThat(m.timestamp()).isEqualTo(T0.plusSeconds(2));
        });
        assertThat(store.findByOriginId("alice", "carol@t", "origin-3", false)).map(ArchivedMessage::id).hasValue("id-3");
        assertThat(store.findByOriginId("alice", "carol@t", "origin-3", true)).isEmpty();
        assertThat(store.findByOriginId("alice", "bob@t", "origin-3", false)).isEmpty();
        assertThat(store.replace("alice", "id-3", "<message xmlns='jabber:client'><retracted/></message>")).isTrue();
        assertThat(store.find("alice", "id-3").orElseThrow().xml()).contains("retracted");
        assertThat(store.replace("alice", "id-404", "<x/>")).isFalse();
        assertThat(store.find("bob", "id-2")).isEmpty();
    }

    @Test
    void expiredMessagesAreLeftOutAndThenDeleted() {
        ArchivedMessage ephemeral = new ArchivedMessage("alice", "eph", "bob@t", null, false, T0, T0.plusSeconds(60), "<m/>");
        store.archive(List.of(msg("alice", 1, "bob@t"), ephemeral));
        store.storeOffline("alice", "<gone/>", T0, T0.plusSeconds(60), 10);
        store.storeOffline("alice", "<stays/>", T0, null, 10);
        assertThat(ids(store.query("alice", new ArchiveQuery(null, null, null, null, null, null, 10, null, null, T0.plusSeconds(59)))))
                .containsExactly("id-1", "eph");
        assertThat(ids(store.query("alice", new ArchiveQuery(null, null, null, null, null, null, 10, null, null, T0.plusSeconds(60)))))
                .containsExactly("id-1");
        assertThat(store.deleteExpired(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(store.find("alice", "eph")).isEmpty();
        assertThat(store.offline("alice", 0, 10)).extracting(OfflineMessage::xml).containsExactly("<stays/>");
        assertThat(store.countOffline("alice")).isEqualTo(1);
    }

    @Test
    void retentionDropsOldMessages() {
        archive(10);
        assertThat(store.expireArchiveBefore(T0.plusSeconds(5))).isEqualTo(5);
        assertThat(ids(store.query("alice", page(50, null, null)))).isEqualTo(range(5, 10));
    }

    @Test
    void offlineQueueKeepsOrderAcrossAThousandMessages() {
        for (int i = 0; i < 1000; i++) assertThat(store.storeOffline("bob", "<m n='" + i + "'/>", T0, null, 5000)).isPositive();
        List<String> got = new ArrayList<>();
        long after = 0;
        List<OfflineMessage> batch;
        while (!(batch = store.offline("bob", after, 300)).isEmpty()) {
            batch.forEach(m -> got.add(m.xml()));
            after = batch.get(batch.size() - 1).seq();
        }
        assertThat(got).hasSize(1000);
        for (int i = 0; i < 1000; i++) assertThat(got.get(i)).isEqualTo("<m n='" + i + "'/>");
    }

    @Test
    void offlineLimitIsExactAndFreedByRemoval() {
        long first = store.storeOffline("bob", "<a/>", T0, null, 2);
        long second = store.storeOffline("bob", "<b/>", T0, null, 2);
        assertThat(second).isGreaterThan(first);
        assertThat(store.storeOffline("bob", "<c/>", T0, null, 2)).isEqualTo(-1);
        assertThat(store.countOffline("bob")).isEqualTo(2);
        assertThat(store.removeOffline("bob", first)).isEqualTo(1);
        assertThat(store.storeOffline("bob", "<c/>", T0, null, 2)).isPositive();
        assertThat(store.offline("bob", 0, 10)).extracting(OfflineMessage::xml).containsExactly("<b/>", "<c/>");
    }

    @Test
    void concurrentSendersNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> store.storeOffline("carol", "<m n='" + n + "'/>", T0, null, 50)));
            }
            int stored = 0;
            for (Future<Long> f : results) if (f.get() > 0) stored++;
            assertThat(stored).isEqualTo(50);
            assertThat(store.countOffline("carol")).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLimitStaysExactWhileMessagesAreStoredExpiredAndRemovedConcurrently() throws Exception {
        int limit = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Instant storedAt = i % 2 == 0 ? T0 : T0.plusSeconds(100);
                work.add(pool.submit(() -> store.storeOffline("dave", "<m/>", storedAt, null, limit)));
                if (i % 20 == 0) work.add(pool.submit(() -> store.expireOfflineBefore(T0.plusSeconds(50))));
                if (i % 30 == 0) work.add(pool.submit(() -> store.removeOffline("dave", Long.MAX_VALUE)));
            }
            for (Future<?> f : work) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int waiting = store.countOffline("dave");
        int accepted = 0;
        while (store.storeOffline("dave", "<more/>", T0, null, limit) > 0) accepted++;
        assertThat(accepted).isEqualTo(limit - waiting);
        assertThat(store.countOffline("dave")).isEqualTo(limit);
    }

    @Test
    void oldWaitingMessagesExpireAndTheCountFollows() {
        store.storeOffline("bob", "<old/>", T0, null, 3);
        store.storeOffline("bob", "<new/>", T0.plusSeconds(100), null, 3);
        assertThat(store.expireOfflineBefore(T0.plusSeconds(50))).isEqualTo(1);
        assertThat(store.offline("bob", 0, 10)).extracting(OfflineMessage::xml).containsExactly("<new/>");
        store.storeOffline("bob", "<x/>", T0, null, 3);
        store.storeOffline("bob", "<y/>", T0, null, 3);
        assertThat(store.storeOffline("bob", "<z/>", T0, null, 3)).isEqualTo(-1);
    }

    @Test
    void deleteAllRemovesOnlyThatOwner() {
        archive(3);
        store.archive(List.of(msg("bob", 7, "alice@t")));
        store.storeOffline("alice", "<a/>", T0, null, 5);
        store.storeOffline("bob", "<b/>", T0, null, 5);
        store.deleteAll("alice");
        assertThat(store.query("alice", page(10, null, null)).messages()).isEmpty();
        assertThat(store.countOffline("alice")).isZero();
        assertThat(store.find("bob", "id-7")).isPresent();
        assertThat(store.countOffline("bob")).isEqualTo(1);
        assertThat(store.storeOffline("alice", "<again/>", T0, null, 1)).isPositive();
    }
}
