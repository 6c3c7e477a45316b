package im.tern.module.muc;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The owner's {@code muc#owner} requests: the configuration form, instant rooms, cancelling a new room, destroying (section 10). */
final class RoomOwner {
    private final Muc muc;
    private final RoomPresence presence;

    RoomOwner(Muc muc, RoomPresence presence) {
        this.muc = muc;
        this.presence = presence;
    }

    CompletionStage<Boolean> handle(Room room, Stanza iq) {
        if (room.affiliation(iq.from()) != Affiliation.OWNER) return muc.refuse(iq, StanzaError.FORBIDDEN, "only owners configure the room");
        Element query = Iq.payload(iq);
        if ("get".equals(iq.type())) return muc.reply(Iq.result(iq, Element.builder("query", MucNs.OWNER).child(RoomConfig.form(room.config)).build()));
        Element destroy = query.child("destroy", MucNs.OWNER);
        if (destroy != null) return destroy(room, destroy).thenCompose(v -> muc.reply(Iq.result(iq)));
        Element x = query.child("x", MucNs.DATA);
        if (x == null) return muc.refuse(iq, StanzaError.BAD_REQUEST, "send a form, or destroy");
        if ("cancel".equals(x.attr("type"))) {
            if (!room.locked) return muc.reply(Iq.result(iq));
            return destroy(room, null).thenCompose(v -> muc.reply(Iq.result(iq)));
        }
        if (!"submit".equals(x.attr("type"))) return muc.refuse(iq, StanzaError.BAD_REQUEST, "the form must be submitted or cancelled");
        GroupStore.Room changed;
        try {
            changed = RoomConfig.apply(room.config, x);
        } catch (IllegalArgumentException bad) {
            return muc.refuse(iq, StanzaError.NOT_ACCEPTABLE, bad.getMessage());
        }
        GroupStore.Room before = room.config;
        return CompletableFuture.runAsync(() -> muc.store.update(changed), muc.ctx.blocking()).thenCompose(v -> {
            room.config = changed;
            boolean wasLocked = room.locked;
            room.locked = false;
            if (changed.membersOnly() && !before.membersOnly()) {
                for (Occupant o : new ArrayList<>(room.occupants.values())) {
                    if (!room.affiliation(o.jid).isMember()) presence.remove(room, o, new int[] {MucXml.MEMBERS_ONLY}, List.of());
                }
            }
            if (changed.moderated() != before.moderated()) {
                for (Occupant o : room.occupants.values()) {
                    Role role = room.defaultRole(room.affiliation(o.jid));
                    if (role != o.role) {
                        o.role = role;
                        presence.broadcastPresence(room, o);
                    }
                }
            }
            if (!wasLocked) muc.fanout.broadcast(room.occupants.values(), MucXml.roomMessage(room, null, MucXml.CONFIG_CHANGED));
            return muc.reply(Iq.result(iq));
        });
    }

    /** Ends the room: everyone is told (with the alternative venue and reason, if given) and it is deleted with its archive. */
    CompletionStage<Void> destroy(Room room, Element destroy) {
        List<Element> extra = new ArrayList<>();
        if (destroy != null) {
            Element.Builder d = Element.builder("destroy", MucNs.USER);
            Jid venue = destroy.attr("jid") == null ? null : Jid.parse(destroy.attr("jid"));
            if (venue != null) d.attr("jid", venue.toString());
            String reason = destroy.childText("reason", MucNs.OWNER);
            if (reason != null) d.child(Element.builder("reason", MucNs.USER).text(reason).build());
            extra.add(d.build());
        } else {
            extra.add(Element.empty("destroy", MucNs.USER));
        }
        String name = room.name;
        return CompletableFuture.runAsync(() -> muc.store.delete(name), muc.ctx.blocking()).thenRun(() -> {
            for (Occupant o : new ArrayList<>(room.occupants.values())) presence.remove(room, o, new int[0], extra);
            room.config = null;
            room.affiliations.clear();
            room.locked = false;
            muc.rooms.retireIfIdle(room);
        });
    }
}
