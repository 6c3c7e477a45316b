package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Entering, leaving, creating a room and changing nickname: presence to {@code room@service/nick} (XEP-0045 sections 7.2-7.3, 7.6, 10.1). */
final class RoomPresence {
    private final Muc muc;

    RoomPresence(Muc muc) { this.muc = muc; }

    CompletionStage<Boolean> handle(Room room, Stanza p) {
        String type = p.type();
        if ("unavailable".equals(type)) {
            Occupant o = room.occupant(p.from());
            if (o != null) leave(room, o, p.from(), MucXml.ownPresence(p.element()));
            return Muc.DONE;
        }
        if ("error".equals(type)) { // the occupant's client refused what the room sent: it is gone (section 7.2.? / RFC 6121)
            Occupant o = room.occupant(p.from());
            if (o != null) leave(room, o, p.from(), null);
            return Muc.DONE;
        }
        if (type != null) return Muc.DONE; // probes and subscriptions mean nothing to a room
        String nick = p.to().resource();
        if (nick == null || nick.isBlank()) return muc.refuse(p, StanzaError.JID_MALFORMED, "enter a room as room@service/nickname");
        Occupant me = room.occupant(p.from());
        if (me != null) return nick.equals(me.nick) ? update(room, me, p) : changeNick(room, me, nick, p);
        if (!room.exists()) return create(room, p, nick);
        return enter(room, p, nick, false);
    }

    private CompletionStage<Boolean> create(Room room, Stanza p, String nick) {
        Jid owner = p.from().bare();
        if (!owner.domain().equals(muc.ctx.domain().domain())) return muc.refuse(p, StanzaError.NOT_ALLOWED, "only local accounts create groups");
        GroupStore.Room config = new GroupStore.Room(room.name, room.name, "", "", "", true, false, false, true, true, true,
                "", 0, muc.ctx.clock().instant());
        return CompletableFuture.supplyAsync(() -> {
            if (muc.store.countOwned(owner.toString()) >= muc.settings.maxRoomsPerOwner()) return Boolean.FALSE;
            return muc.store.create(config, owner.toString()) ? Boolean.TRUE : null;
        }, muc.ctx.blocking()).thenCompose(created -> {
            if (created == Boolean.FALSE) {
                return muc.refuse(p, StanzaError.NOT_ALLOWED, "you own " + muc.settings.maxRoomsPerOwner() + " groups, the most one may");
            }
            if (created == null) return muc.rooms.reload(room).thenCompose(r -> enter(room, p, nick, false)); // made meanwhile elsewhere
            room.config = config;
            room.affiliations.clear();
            room.affiliations.put(owner, Affiliation.OWNER);
            room.locked = true;
            return enter(room, p, nick, true);
        });
    }

    private CompletionStage<Boolean> enter(Room room, Stanza p, String nick, boolean created) {
        Affiliation aff = room.affiliation(p.from());
        if (room.locked && aff != Affiliation.OWNER) return muc.refuse(p, StanzaError.ITEM_NOT_FOUND, "the room is not configured yet");
        if (aff == Affiliation.OUTCAST) return muc.refuse(p, StanzaError.FORBIDDEN, "you are banned from this room");
        if (room.config.membersOnly() && !aff.isMember()) {
            return muc.refuse(p, StanzaError.REGISTRATION_REQUIRED, "this group is for its members only");
        }
        if (!room.config.password().isEmpty() && aff != Affiliation.OWNER) {
            Element x = p.element().child("x", MucNs.MUC);
            String given = x == null ? null : x.childText("password", MucNs.MUC);
            if (!room.config.password().equals(given)) return muc.refuse(p, StanzaError.NOT_AUTHORIZED, "this room needs a password");
        }
        Occupant sameNick = room.occupants.get(nick);
        if (sameNick != null) {
            if (!sameNick.jid.bare().equals(p.from().bare())) {
                return muc.refuse(p, StanzaError.CONFLICT, "that nickname is in use in this room");
            }
            return addDevice(room, sameNick, p);
        }
        if (room.config.maxOccupants() > 0 && room.occupants.size() >= room.config.maxOccupants() && !aff.atLeast(Affiliation.ADMIN)) {
            return muc.refuse(p, StanzaError.SERVICE_UNAVAILABLE, "the room is full");
        }
        Occupant me = new Occupant(p.from(), nick, room.defaultRole(aff), MucXml.ownPresence(p.element()));
        for (Occupant other : room.occupants.values()) {
            muc.fanout.send(me, presenceOf(room, other, null, seesJids(room, me)));
        }
        room.occupants.put(nick, me);
        muc.entered(me.jid, room.name);
        for (Occupant other : room.occupants.values()) {
            if (other != me) muc.fanout.send(other, presenceOf(room, me, null, seesJids(room, other)));
        }
        return welcome(room, me, me.jid, p, created);
    }

    /** Another device of an occupant's account enters under the same nickname: it alone hears of it. */
    private CompletionStage<Boolean> addDevice(Room room, Occupant o, Stanza p) {
        o.devices.add(p.from());
        muc.entered(p.from(), room.name);
        for (Occupant other : room.occupants.values()) {
            if (other != o) muc.fanout.send(p.from(), presenceOf(room, other, null, seesJids(room, o)));
        }
        return welcome(room, o, p.from(), p, false);
    }

    /** What one device gets last on entering: its own presence, then history and the subject. */
    private CompletionStage<Boolean> welcome(Room room, Occupant me, Jid device, Stanza p, boolean created) {
        Affiliation aff = room.affiliation(me.jid);
        // Every room keeps its archive, which XEP-0045 asks to say on entering (170).
        List<Integer> codes = new ArrayList<>(List.of(MucXml.SELF, MucXml.LOGGED));
        if (room.config.whoisAnyone()) codes.add(MucXml.NON_ANONYMOUS);
        if (created) codes.add(MucXml.CREATED);
        muc.fanout.send(device, MucXml.presence(room, me, null, aff, me.role, true, null, List.of(),
                codes.stream().mapToInt(Integer::intValue).toArray()));
        if (created) return Muc.DONE;
        return muc.archive.history(room, p.element().child("x", MucNs.MUC)).thenApply(history -> {
            for (Element m : history) muc.fanout.send(device, m);
            muc.fanout.send(device, subject(room));
            return true;
        });
    }

    /** The subject message sent last on entering, empty when there is none (section 7.2.15). */
    static Element subject(Room room) {
        String by = room.config.subjectBy();
        Jid from = by == null || by.isEmpty() ? room.jid : room.occupantJid(by);
        return Element.builder("message", im.tern.core.Namespaces.CLIENT).attr("from", from.toString()).attr("type", "groupchat")
                .child(Element.builder("subject", im.tern.core.Namespaces.CLIENT).text(room.config.subject()).build()).build();
    }

    private CompletionStage<Boolean> update(Room room, Occupant me, Stanza p) {
        me.presence = MucXml.ownPresence(p.element());
        broadcastPresence(room, me);
        return Muc.DONE;
    }

    private CompletionStage<Boolean> changeNick(Room room, Occupant me, String nick, Stanza p) {
        if (room.occupants.containsKey(nick)) return muc.refuse(p, StanzaError.CONFLICT, "that nickname is in use in this room");
        if (me.devices.size() > 1) {
            return muc.refuse(p, StanzaError.NOT_ACCEPTABLE, "your other devices are in the room under this nickname");
        }
        Affiliation aff = room.affiliation(me.jid);
        for (Occupant o : room.occupants.values()) {
            int[] codes = o == me ? new int[] {MucXml.NICK_CHANGED, MucXml.SELF} : new int[] {MucXml.NICK_CHANGED};
            muc.fanout.send(o, MucXml.presence(room, me, "unavailable", aff, me.role, seesJids(room, o) || o == me, nick, List.of(), codes));
        }
        room.occupants.remove(me.nick);
        me.nick = nick;
        me.presence = MucXml.ownPresence(p.element());
        room.occupants.put(nick, me);
        broadcastPresence(room, me);
        return Muc.DONE;
    }

    /** Sends an occupant's current presence to everyone, itself with status 110. */
    void broadcastPresence(Room room, Occupant subject) {
        Affiliation aff = room.affiliation(subject.jid);
        for (Occupant o : room.occupants.values()) {
            Element presence = o == subject
                    ? MucXml.presence(room, subject, null, aff, subject.role, true, null, List.of(), MucXml.SELF)
                    : presenceOf(room, subject, null, seesJids(room, o));
            muc.fanout.send(o, presence);
        }
    }

    /**
     * One device of the occupant leaves: with others still in under the nickname only it is told; with none, the
     * occupant leaves, and a locked or emptied temporary room goes with it.
     */
    void leave(Room room, Occupant o, Jid device, Element lastPresence) {
        if (o.devices.size() > 1) {
            muc.fanout.send(device, MucXml.presence(room, o, "unavailable", room.affiliation(o.jid), Role.NONE, true, null,
                    List.of(), MucXml.SELF));
            o.devices.remove(device);
            muc.left(device, room.name);
            return;
        }
        remove(room, o, new int[0], List.of());
        if (lastPresence != null) o.presence = lastPresence;
        if (room.exists() && room.occupants.isEmpty() && (room.locked || !room.config.persistent())) {
            String name = room.name;
            room.config = null;
            room.affiliations.clear();
            room.locked = false;
            CompletableFuture.runAsync(() -> muc.store.delete(name), muc.ctx.blocking());
        }
        muc.rooms.retireIfIdle(room);
    }

    /** Takes an occupant out, telling everyone (itself with 110) with the given status codes and extra elements. */
    void remove(Room room, Occupant o, int[] codes, List<Element> extra) {
        Affiliation aff = room.affiliation(o.jid);
        for (Occupant to : room.occupants.values()) {
            int[] c = codes;
            if (to == o) {
                c = java.util.Arrays.copyOf(codes, codes.length + 1);
                c[codes.length] = MucXml.SELF;
            }
            muc.fanout.send(to, MucXml.presence(room, o, "unavailable", aff, Role.NONE, to == o || seesJids(room, to), null, extra, c));
        }
        room.occupants.remove(o.nick);
        for (Jid device : o.devices) muc.left(device, room.name);
    }

    Element presenceOf(Room room, Occupant subject, String type, boolean withJid) {
        return MucXml.presence(room, subject, type, room.affiliation(subject.jid), subject.role, withJid, null, List.of());
    }

    /** Whether this occupant sees others' real JIDs: in non-anonymous rooms everyone does, else moderators. */
    static boolean seesJids(Room room, Occupant viewer) {
        return room.config.whoisAnyone() || viewer.role == Role.MODERATOR;
    }
}
