package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.module.disco.DiscoItems;
import im.tern.store.GroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Groups: the XEP-0045 service on {@code <subdomain>.<domain>}, listed in the domain's disco#items (docs/groups.md). */
public final class MucModule implements Module {
    private final MucSettings settings;
    private final DiscoItems discoItems;
    private Muc muc;

    public MucModule(MucSettings settings, DiscoItems discoItems) {
        this.settings = settings;
        this.discoItems = discoItems;
    }

    @Override
    public String name() { return "muc"; }

    /** The service's address for a server domain. */
    public static Jid serviceJid(MucSettings settings, Jid domain) {
        return Jid.domain(settings.subdomain() + "." + domain.domain());
    }

    @Override
    public void start(ModuleContext ctx) {
        Jid service = serviceJid(settings, ctx.domain());
        muc = new Muc(ctx, service, ctx.store(GroupStore.class), settings);
        MucService handler = new MucService(muc);
        ctx.services().serve(service, handler::handle);
        discoItems.add(new DiscoItems.Item(service, MucService.NAME, null));
        // A session that ends leaves its rooms, whether or not its presence told them (XEP-0045 section 7.14).
        ctx.hooks().on(Events.SessionClosed.class, Phase.AFTER, e -> leaveAll(handler, e.session().jid()));
        ctx.hooks().on(Events.AccountDeleted.class, Phase.HANDLE, e -> forget(handler, e.account().bare()));
    }

    private CompletionStage<Hook.Outcome> leaveAll(MucService handler, Jid full) {
        List<CompletableFuture<Boolean>> left = new ArrayList<>();
        for (String name : muc.roomsOf(full)) {
            left.add(muc.rooms.run(name, room -> {
                Occupant o = room.occupant(full);
                if (o != null) handler.presence().leave(room, o, full, null);
                return Muc.DONE;
            }).toCompletableFuture());
        }
        return CompletableFuture.allOf(left.toArray(CompletableFuture[]::new)).handle((v, e) -> Hook.Outcome.CONTINUE);
    }

    /** A deleted account is no longer a member anywhere; a group it owned alone passes on (docs/groups.md). */
    private CompletionStage<Hook.Outcome> forget(MucService handler, Jid account) {
        return CompletableFuture.supplyAsync(() -> muc.store.removeEverywhere(account.toString()), muc.ctx.blocking())
                .thenCompose(rooms -> {
                    List<CompletableFuture<Void>> done = new ArrayList<>();
                    for (String name : rooms) {
                        done.add(muc.rooms.run(name, room -> muc.rooms.reload(room).thenCompose(r -> {
                            List<String> notes = new ArrayList<>(List.of((account.local() == null ? account.toString() : account.local()) + " left"));
                            return handler.admin().handOn(room, notes).thenCompose(v -> handler.admin().announce(room, notes));
                        })).toCompletableFuture());
                    }
                    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
                }).handle((v, e) -> Hook.Outcome.CONTINUE);
    }

    @Override
    public void stop() {
        if (muc != null) muc.archive.close();
    }
}
