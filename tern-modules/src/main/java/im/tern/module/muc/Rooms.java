package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.store.GroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The rooms in memory, each with a queue that runs its tasks one after another: a room's state is only
 * read and changed inside its tasks, so joins, messages and admin changes of one room never interleave,
 * while different rooms proceed in parallel. A task never blocks; it chains its store calls on the
 * blocking executor. A room is loaded from the store by the first task that needs it.
 */
final class Rooms {
    private final Jid service;
    private final GroupStore store;
    private final Executor blocking;
    private final Map<String, Entry> rooms = new ConcurrentHashMap<>();

    private static final class Entry {
        final Room room;
        CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

        Entry(Room room) { this.room = room; }
    }

    Rooms(Jid service, GroupStore store, Executor blocking) {
        this.service = service;
        this.store = store;
        this.blocking = blocking;
    }

    /** Runs {@code task} on the room's queue, once the room is loaded. */
    <T> CompletionStage<T> run(String name, Function<Room, CompletionStage<T>> task) {
        Entry entry = rooms.computeIfAbsent(name, n -> new Entry(new Room(n, Jid.of(n, service.domain(), null))));
        CompletableFuture<T> next;
        synchronized (entry) {
            next = entry.tail.handle((v, e) -> null)
                    .thenCompose(v -> load(entry.room))
                    .thenCompose(room -> room.retired ? run(name, task) : task.apply(room));
            entry.tail = next;
        }
        return next;
    }

    /** The names of the rooms in memory, to visit each (a session ended, an account was deleted). */
    List<String> loadedNames() { return new ArrayList<>(rooms.keySet()); }

    /** Drops a room that no longer exists and has no occupants, so memory follows the rooms in use. Call from its task. */
    void retireIfIdle(Room room) {
        if (room.exists() || !room.occupants.isEmpty()) return;
        room.retired = true;
        rooms.remove(room.name);
    }

    /** Reads the room again from the store (its affiliations changed outside it). Call from its task. */
    CompletionStage<Room> reload(Room room) {
        room.loaded = false;
        return load(room);
    }

    private CompletionStage<Room> load(Room room) {
        if (room.loaded || room.retired) return CompletableFuture.completedFuture(room);
        return CompletableFuture.supplyAsync(() -> {
            GroupStore.Room config = store.room(room.name).orElse(null);
            List<GroupStore.Affiliation> affiliations = config == null ? List.of() : store.affiliations(room.name);
            return new Object[] {config, affiliations};
        }, blocking).thenApply(read -> {
            room.config = (GroupStore.Room) read[0];
            room.affiliations.clear();
            @SuppressWarnings("unchecked")
            List<GroupStore.Affiliation> affiliations = (List<GroupStore.Affiliation>) read[1];
            for (GroupStore.Affiliation a : affiliations) {
                Affiliation aff = Affiliation.of(a.affiliation());
                if (aff != null) room.affiliations.put(Jid.parse(a.jid()), aff);
            }
            room.loaded = true;
            return room;
        });
    }
}
