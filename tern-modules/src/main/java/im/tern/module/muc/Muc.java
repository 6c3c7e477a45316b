package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.ModuleContext;
import im.tern.store.GroupStore;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** What the parts of the groups service share: the module context, the store, the rooms and the settings. */
final class Muc {
    final ModuleContext ctx;
    final Jid service;
    final GroupStore store;
    final MucSettings settings;
    final Rooms rooms;
    final Fanout fanout;
    final RoomArchive archive;
    /** The rooms each full JID is in, so a session's end leaves them without visiting every room. */
    private final ConcurrentHashMap<Jid, Set<String>> joined = new ConcurrentHashMap<>();

    Muc(ModuleContext ctx, Jid service, GroupStore store, MucSettings settings) {
        this.ctx = ctx;
        this.service = service;
        this.store = store;
        this.settings = settings;
        this.rooms = new Rooms(service, store, ctx.blocking());
        this.fanout = new Fanout(ctx.sessions());
        this.archive = new RoomArchive(this);
    }

    /** Answers the stanza with an error (never an error with an error); the stage says it was refused. */
    CompletionStage<Boolean> refuse(Stanza stanza, StanzaError error, String text) {
        if (!stanza.isError() && stanza.from() != null) ctx.router().route(stanza.errorReply(error, text));
        return CompletableFuture.completedFuture(false);
    }

    CompletionStage<Boolean> reply(Stanza answer) {
        ctx.router().route(answer);
        return CompletableFuture.completedFuture(true);
    }

    void entered(Jid full, String room) { joined.computeIfAbsent(full, j -> ConcurrentHashMap.newKeySet()).add(room); }

    void left(Jid full, String room) {
        joined.computeIfPresent(full, (j, set) -> {
            set.remove(room);
            return set.isEmpty() ? null : set;
        });
    }

    Set<String> roomsOf(Jid full) {
        Set<String> set = joined.get(full);
        return set == null ? Set.of() : Set.copyOf(set);
    }

    static final CompletionStage<Boolean> DONE = CompletableFuture.completedFuture(true);
}
