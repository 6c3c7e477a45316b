package im.tern.module.lastactivity;

import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * When an account was last seen and the status it left with, one small document per account.
 * Writes for one account are ordered by time: an older one never replaces a newer one.
 */
final class LastSeen {
    static final String KEY = "lastactivity";
    static final String NAMESPACE = "urn:tern:lastactivity";

    record Record(Instant at, String status) {}

    private final DocumentStore documents;
    private final Executor blocking;
    private final Object[] locks = new Object[32];

    LastSeen(DocumentStore documents, Executor blocking) {
        this.documents = documents;
        this.blocking = blocking;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    CompletionStage<Optional<Record>> get(String user) {
        return CompletableFuture.supplyAsync(() -> read(user), blocking);
    }

    CompletionStage<Void> put(String user, Record record) {
        return CompletableFuture.runAsync(() -> {
            synchronized (locks[Math.floorMod(user.hashCode(), locks.length)]) {
                Optional<Record> stored = read(user);
                if (stored.isPresent() && stored.get().at().isAfter(record.at())) return;
                Element e = Element.builder("last", NAMESPACE).attr("at", record.at().toString())
                        .text(record.status()).build();
                documents.put(user, KEY, e.toXml());
            }
        }, blocking);
    }

    CompletionStage<Void> delete(String user) {
        return CompletableFuture.runAsync(() -> documents.delete(user, KEY), blocking);
    }

    private Optional<Record> read(String user) {
        return documents.get(user, KEY).flatMap(xml -> {
            try {
                Element e = StoredXml.parse(xml);
                String at = e.attr("at");
                if (at == null) return Optional.empty();
                String text = e.text();
                return Optional.of(new Record(Instant.parse(at), text.isEmpty() ? null : text));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty(); // unreadable: as if never seen, and the next write replaces it
            }
        });
    }
}
