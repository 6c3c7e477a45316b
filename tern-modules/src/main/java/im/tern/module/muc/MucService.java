package im.tern.module.muc;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.module.archive.StanzaIds;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every stanza to the groups service, by address: to the service itself (disco, unique room names), to a room
 * (groupchat, invitations, disco, {@code muc#admin}, {@code muc#owner}, archive queries) or to an occupant
 * (entering and leaving, private messages). Room work runs on the room's queue ({@link Rooms}).
 */
final class MucService {
    static final String NAME = "Groups";
    private static final Logger log = LoggerFactory.getLogger(MucService.class);

    private final Muc muc;
    private final RoomPresence presence;
    private final RoomAdmin admin;
    private final RoomOwner owner;
    private final RoomMessages messages;

    MucService(Muc muc) {
        this.muc = muc;
        this.presence = new RoomPresence(muc);
        this.admin = new RoomAdmin(muc, presence);
        this.owner = new RoomOwner(muc, presence);
        this.messages = new RoomMessages(muc, admin);
    }

    RoomPresence presence() { return presence; }

    RoomAdmin admin() { return admin; }

    CompletionStage<Boolean> handle(Stanza stanza) {
        if (stanza.from() == null) return Muc.DONE;
        if (stanza.to().local() == null) return toService(stanza);
        String name = stanza.to().local();
        boolean toOccupant = stanza.to().isFull();
        return room(name, stanza, toOccupant).exceptionallyCompose(error -> {
            // A store failure: the sender hears of it rather than waiting for an answer that never comes.
            log.warn("groups: {} failed", stanza, error);
            return muc.refuse(stanza, StanzaError.INTERNAL_SERVER_ERROR, null);
        });
    }

    private CompletableFuture<Boolean> room(String name, Stanza stanza, boolean toOccupant) {
        return muc.rooms.run(name, room -> switch (stanza.kind()) {
            case PRESENCE -> toOccupant ? presence.handle(room, stanza) : muc.refuse(stanza, StanzaError.JID_MALFORMED,
                    "enter a room as room@service/nickname");
            case MESSAGE -> toOccupant ? messages.toOccupant(room, stanza) : messages.toRoom(room, stanza);
            case IQ -> toOccupant ? iqToOccupant(room, stanza) : iqToRoom(room, stanza);
        }).toCompletableFuture();
    }

    private CompletionStage<Boolean> toService(Stanza stanza) {
        if (stanza.kind() == Stanza.Kind.PRESENCE || stanza.isError()) return Muc.DONE;
        if (stanza.kind() == Stanza.Kind.MESSAGE) return muc.refuse(stanza, StanzaError.SERVICE_UNAVAILABLE, null);
        if (!isRequest(stanza)) return Muc.DONE; // results to the service: nothing asked
        Element q = Iq.payload(stanza);
        if (q == null) return muc.refuse(stanza, StanzaError.BAD_REQUEST, null);
        boolean get = "get".equals(stanza.type());
        if (get && q.is("query", MucNs.DISCO_INFO) && q.attr("node") == null) {
            return muc.reply(Iq.result(stanza, MucDisco.info(List.of(new MucDisco.Identity("conference", "text", NAME)),
                    List.of(MucNs.MUC, MucNs.DISCO_INFO, MucNs.DISCO_ITEMS, MucNs.UNIQUE), null)));
        }
        if (get && q.is("query", MucNs.DISCO_ITEMS) && q.attr("node") == null) {
            return CompletableFuture.supplyAsync(muc.store::publicRooms, muc.ctx.blocking()).thenCompose(rooms -> {
                Element.Builder items = Element.builder("query", MucNs.DISCO_ITEMS);
                for (GroupStore.Room r : rooms) {
                    items.child(Element.builder("item", MucNs.DISCO_ITEMS).attr("jid", r.name() + "@" + muc.service.domain())
                            .attr("name", r.title()).build());
                }
                return muc.reply(Iq.result(stanza, items.build()));
            });
        }
        if (get && q.is("unique", MucNs.UNIQUE)) {
            String name = StanzaIds.newId().toLowerCase(Locale.ROOT).replace('_', '0').replace('-', '1');
            return muc.reply(Iq.result(stanza, Element.builder("unique", MucNs.UNIQUE).text(name).build()));
        }
        return muc.refuse(stanza, StanzaError.SERVICE_UNAVAILABLE, null);
    }

    private CompletionStage<Boolean> iqToRoom(Room room, Stanza iq) {
        if (!isRequest(iq)) return Muc.DONE;
        Element q = Iq.payload(iq);
        if (q == null) return muc.refuse(iq, StanzaError.BAD_REQUEST, null);
        boolean get = "get".equals(iq.type());
        if (!room.exists() || (room.locked && room.affiliation(iq.from()) != Affiliation.OWNER)) {
            return muc.refuse(iq, StanzaError.ITEM_NOT_FOUND, "no such room");
        }
        if (get && q.is("query", MucNs.DISCO_INFO)) return muc.reply(Iq.result(iq, MucDisco.roomInfo(room)));
        if (get && q.is("query", MucNs.DISCO_ITEMS)) return muc.reply(Iq.result(iq, MucDisco.roomItems(room, iq.from())));
        if (q.is("query", MucNs.ADMIN)) return get ? admin.get(room, iq) : admin.set(room, iq);
        if (q.is("query", MucNs.OWNER)) return owner.handle(room, iq);
        if (!get && q.is("query", MucNs.MAM)) {
            Affiliation aff = room.affiliation(iq.from());
            boolean allowed = aff.isMember() || (!room.config.membersOnly() && aff != Affiliation.OUTCAST);
            if (!allowed) return muc.refuse(iq, StanzaError.FORBIDDEN, "only members read this group's archive");
            return muc.archive.query(room, iq);
        }
        return muc.refuse(iq, StanzaError.SERVICE_UNAVAILABLE, null);
    }

    private CompletionStage<Boolean> iqToOccupant(Room room, Stanza iq) {
        if (!isRequest(iq)) return Muc.DONE;
        // XEP-0045 section 6.7: only occupants may query occupants; Tern forwards no IQs to them (yet).
        if (room.occupant(iq.from()) == null) return muc.refuse(iq, StanzaError.BAD_REQUEST, "only occupants may address occupants");
        return muc.refuse(iq, StanzaError.SERVICE_UNAVAILABLE, "occupants do not answer IQs through this service");
    }

    private static boolean isRequest(Stanza iq) {
        return "get".equals(iq.type()) || "set".equals(iq.type());
    }
}
