package im.tern.module.muc;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Messages to a room: groupchat (archived, then sent to everyone), subject changes, private messages and invitations. */
final class RoomMessages {
    private final Muc muc;
    private final RoomAdmin admin;

    RoomMessages(Muc muc, RoomAdmin admin) {
        this.muc = muc;
        this.admin = admin;
    }

    /** A message to the room's bare JID. */
    CompletionStage<Boolean> toRoom(Room room, Stanza m) {
        if (m.isError()) return Muc.DONE;
        if (!room.exists()) return muc.refuse(m, StanzaError.ITEM_NOT_FOUND, "no such room");
        Element userX = m.element().child("x", MucNs.USER);
        if (!"groupchat".equals(m.type())) {
            if (userX != null && userX.child("invite", MucNs.USER) != null) return invite(room, m, userX.child("invite", MucNs.USER));
            if (userX != null && userX.child("decline", MucNs.USER) != null) return decline(room, m, userX.child("decline", MucNs.USER));
            return muc.refuse(m, StanzaError.BAD_REQUEST, "send type='groupchat' to the room");
        }
        Occupant sender = room.occupant(m.from());
        if (sender == null) return muc.refuse(m, StanzaError.NOT_ACCEPTABLE, "enter the room before you post to it");
        if (sender.role == Role.VISITOR) return muc.refuse(m, StanzaError.FORBIDDEN, "you have no voice in this room");
        Element subject = m.element().child("subject", Namespaces.CLIENT);
        if (subject != null && m.element().child("body", Namespaces.CLIENT) == null) return changeSubject(room, sender, m, subject.text());
        Element out = m.element().withAttr("from", room.occupantJid(sender.nick).toString()).withAttr("to", null);
        // Stored before anyone sees it; the sender's acknowledgement waits for this stage (docs/groups.md).
        return muc.archive.store(room, out, sender.nick, sender.jid).thenApply(stamped -> {
            muc.fanout.broadcast(room.occupants.values(), stamped);
            return true;
        });
    }

    private CompletionStage<Boolean> changeSubject(Room room, Occupant sender, Stanza m, String text) {
        if (!room.config.changeSubject() && sender.role != Role.MODERATOR) {
            return muc.refuse(m, StanzaError.FORBIDDEN, "only moderators change this room's subject");
        }
        GroupStore.Room changed = room.config.withSubject(text, sender.nick);
        return CompletableFuture.runAsync(() -> muc.store.update(changed), muc.ctx.blocking()).thenApply(v -> {
            room.config = changed;
            muc.fanout.broadcast(room.occupants.values(), RoomPresence.subject(room));
            return true;
        });
    }

    /** A message to {@code room@service/nick}: a private message to that occupant (section 7.5). */
    CompletionStage<Boolean> toOccupant(Room room, Stanza m) {
        if (m.isError()) return Muc.DONE;
        Occupant sender = room.occupant(m.from());
        if (sender == null) return muc.refuse(m, StanzaError.NOT_ACCEPTABLE, "enter the room before you write to its occupants");
        if ("groupchat".equals(m.type())) return muc.refuse(m, StanzaError.BAD_REQUEST, "a private message is not groupchat");
        Occupant to = room.occupants.get(m.to().resource());
        if (to == null) return muc.refuse(m, StanzaError.ITEM_NOT_FOUND, "no occupant with that nickname");
        Element out = m.element().withAttr("from", room.occupantJid(sender.nick).toString());
        if (out.child("x", MucNs.USER) == null) out = out.withChild(Element.empty("x", MucNs.USER));
        for (Jid device : to.devices) muc.ctx.router().route(Stanza.of(out.withAttr("to", device.toString())));
        return Muc.DONE;
    }

    /**
     * A mediated invitation (section 7.8.2). In a members-only room only admins and owners invite, and the
     * invitee becomes a member, which is how an admin adds someone to a group.
     */
    private CompletionStage<Boolean> invite(Room room, Stanza m, Element invite) {
        Jid invitee = Jid.parse(invite.attr("to") == null ? "" : invite.attr("to"));
        if (invitee == null) return muc.refuse(m, StanzaError.JID_MALFORMED, "invite to='...' must be a JID");
        Affiliation inviter = room.affiliation(m.from());
        if (room.occupant(m.from()) == null && !inviter.isMember()) {
            return muc.refuse(m, StanzaError.NOT_ACCEPTABLE, "only occupants and members invite");
        }
        CompletionStage<Boolean> added = Muc.DONE;
        if (room.config.membersOnly() && !room.affiliation(invitee).isMember()) {
            if (!inviter.atLeast(Affiliation.ADMIN)) return muc.refuse(m, StanzaError.FORBIDDEN, "only admins invite to this group");
            added = admin.addMember(room, m.from(), invitee.bare());
        }
        return added.thenApply(ok -> {
            if (!ok) {
                muc.refuse(m, StanzaError.NOT_ALLOWED, "the group has " + muc.settings.maxMembers() + " members, the most it may");
                return false;
            }
            Element.Builder inv = Element.builder("invite", MucNs.USER).attr("from", m.from().toString());
            String reason = invite.childText("reason", MucNs.USER);
            if (reason != null) inv.child(Element.builder("reason", MucNs.USER).text(reason).build());
            // A body too: an invitee who is offline gets it from the offline store, which keeps messages with one.
            Element message = Element.builder("message", Namespaces.CLIENT).attr("from", room.jid.toString())
                    .attr("to", invitee.toString())
                    .textChild("body", m.from().bare() + " invites you to " + room.jid + (reason == null ? "" : ": " + reason))
                    .child(Element.builder("x", MucNs.USER).child(inv.build()).build())
                    .child(Element.builder("x", MucNs.CONFERENCE).attr("jid", room.jid.toString()).attr("reason", reason).build())
                    .build();
            muc.ctx.router().route(Stanza.of(message));
            return true;
        });
    }

    private CompletionStage<Boolean> decline(Room room, Stanza m, Element decline) {
        Jid inviter = Jid.parse(decline.attr("to") == null ? "" : decline.attr("to"));
        if (inviter == null) return muc.refuse(m, StanzaError.JID_MALFORMED, "decline to='...' must be a JID");
        Element.Builder d = Element.builder("decline", MucNs.USER).attr("from", m.from().bare().toString());
        String reason = decline.childText("reason", MucNs.USER);
        if (reason != null) d.child(Element.builder("reason", MucNs.USER).text(reason).build());
        muc.ctx.router().route(Stanza.of(Element.builder("message", Namespaces.CLIENT).attr("from", room.jid.toString())
                .attr("to", inviter.toString()).child(Element.builder("x", MucNs.USER).child(d.build()).build()).build()));
        return Muc.DONE;
    }
}
