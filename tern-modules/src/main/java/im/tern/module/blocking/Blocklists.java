package im.tern.module.blocking;

import im.tern.core.Jid;
import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocklists by account: stored as one document each, read through a small LRU cache because every
 * routed stanza asks. Reads and writes for one account run under one lock, so a read cannot put a
 * stale list back into the cache behind a write.
 */
final class Blocklists {
    private static final Logger log = LoggerFactory.getLogger(Blocklists.class);
    static final String KEY = "blocking:list";
    static final int CAPACITY = 10_000;

    private final DocumentStore documents;
    private final Executor blocking;
    private final Object[] locks = new Object[64];
    private final Map<String, Blocklist> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Blocklist> eldest) { return size() > CAPACITY; }
    };

    Blocklists(DocumentStore documents, Executor blocking) {
        this.documents = documents;
        this.blocking = blocking;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    /** The account's list; completes at once when cached. */
    CompletionStage<Blocklist> of(Jid account) {
        String user = account.local();
        Blocklist cached = cached(user);
        if (cached != null) return CompletableFuture.completedFuture(cached);
        return CompletableFuture.supplyAsync(() -> {
            synchronized (lock(user)) {
                Blocklist again = cached(user);
                if (again != null) return again;
                Blocklist read = read(user);
                remember(user, read);
                return read;
            }
        }, blocking);
    }

    /** Applies a change, stores it and returns the lists before and after. */
    CompletionStage<Change> update(Jid account, UnaryOperator<Blocklist> change) {
        String user = account.local();
        return CompletableFuture.supplyAsync(() -> {
            synchronized (lock(user)) {
                Blocklist before = cached(user);
                if (before == null) before = read(user);
                Blocklist after = change.apply(before);
                if (!after.equals(before)) {
                    if (after.items().isEmpty()) documents.delete(user, KEY);
                    else documents.put(user, KEY, toXml(after));
                }
                remember(user, after);
                return new Change(before, after);
            }
        }, blocking);
    }

    CompletionStage<Void> deleteAll(Jid account) {
        String user = account.local();
        return CompletableFuture.runAsync(() -> {
            synchronized (lock(user)) {
                documents.delete(user, KEY);
                synchronized (cache) {
                    cache.remove(user);
                }
            }
        }, blocking);
    }

    record Change(Blocklist before, Blocklist after) {}

    private Blocklist read(String user) {
        return documents.get(user, KEY).map(xml -> parse(user, xml)).orElse(Blocklist.EMPTY);
    }

    static Blocklist parse(String user, String xml) {
        List<Jid> items = new ArrayList<>();
        try {
            for (Element item : StoredXml.parse(xml).elements("item", BlockingModule.NAMESPACE)) {
                Jid jid = Jid.parse(item.attr("jid"));
                if (jid != null) items.add(jid);
            }
        } catch (IllegalArgumentException e) {
            log.warn("unreadable blocklist of {}; treating it as empty", user, e);
        }
        return new Blocklist(new LinkedHashSet<>(items));
    }

    static String toXml(Blocklist list) {
        return BlockingXml.listElement("blocklist", list.items()).toXml();
    }

    private Blocklist cached(String user) {
        synchronized (cache) {
            return cache.get(user);
        }
    }

    private void remember(String user, Blocklist list) {
        synchronized (cache) {
            cache.put(user, list);
        }
    }

    private Object lock(String user) { return locks[Math.floorMod(user.hashCode(), locks.length)]; }
}
