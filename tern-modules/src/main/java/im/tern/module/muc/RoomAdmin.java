package im.tern.module.muc;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Affiliations and roles (XEP-0045 sections 8-10, {@code muc#admin}): who is owner, admin, member or banned,
 * kicking and voice. On top, the group rules: a member leaves by setting its own affiliation to none, the
 * member count has a limit, the last owner leaving hands ownership on, and the room says who was added or left.
 */
final class RoomAdmin {
    private final Muc muc;
    private final RoomPresence presence;

    RoomAdmin(Muc muc, RoomPresence presence) {
        this.muc = muc;
        this.presence = presence;
    }

    CompletionStage<Boolean> get(Room room, Stanza iq) {
        Element item = Iq.payload(iq).child("item", MucNs.ADMIN);
        if (item == null) return muc.refuse(iq, StanzaError.BAD_REQUEST, "ask for an affiliation or a role");
        Affiliation wanted = Affiliation.of(item.attr("affiliation"));
        Role role = Role.of(item.attr("role"));
        Affiliation mine = room.affiliation(iq.from());
        Element.Builder q = Element.builder("query", MucNs.ADMIN);
        if (wanted != null && wanted != Affiliation.NONE) {
            boolean allowed = wanted == Affiliation.OUTCAST ? mine.atLeast(Affiliation.ADMIN) : mine.isMember();
            if (!allowed) return muc.refuse(iq, StanzaError.FORBIDDEN, "you may not see that list");
            for (Jid jid : room.withAffiliation(wanted)) {
                q.child(Element.builder("item", MucNs.ADMIN).attr("affiliation", wanted.xml()).attr("jid", jid.toString()).build());
            }
        } else if (role != null && role != Role.NONE) {
            Occupant me = room.occupant(iq.from());
            if (me == null || me.role != Role.MODERATOR) return muc.refuse(iq, StanzaError.FORBIDDEN, "only moderators list roles");
            for (Occupant o : room.occupants.values()) {
                if (o.role != role) continue;
                q.child(Element.builder("item", MucNs.ADMIN).attr("role", role.xml()).attr("nick", o.nick)
                        .attr("affiliation", room.affiliation(o.jid).xml()).attr("jid", o.jid.toString()).build());
            }
        } else {
            return muc.refuse(iq, StanzaError.BAD_REQUEST, "unknown affiliation or role");
        }
        return muc.reply(Iq.result(iq, q.build()));
    }

    /** Every item is checked before any is applied, so a refused request changes nothing. */
    CompletionStage<Boolean> set(Room room, Stanza iq) {
        List<Element> items = Iq.payload(iq).elements("item", MucNs.ADMIN);
        if (items.isEmpty()) return muc.refuse(iq, StanzaError.BAD_REQUEST, "no item to change");
        Map<Jid, Affiliation> affiliations = new LinkedHashMap<>();
        Map<Occupant, Role> roles = new LinkedHashMap<>();
        Map<Jid, String> reasons = new LinkedHashMap<>();
        for (Element item : items) {
            String error = check(room, iq.from(), item, affiliations, roles, reasons);
            if (error != null) {
                StanzaError condition = StanzaError.valueOf(error.substring(0, error.indexOf(':')));
                return muc.refuse(iq, condition, error.substring(error.indexOf(':') + 1).trim());
            }
        }
        int added = 0;
        for (Map.Entry<Jid, Affiliation> e : affiliations.entrySet()) {
            if (e.getValue().isMember() && !room.affiliation(e.getKey()).isMember()) added++;
        }
        if (added > 0 && room.memberCount() + added > muc.settings.maxMembers()) {
            return muc.refuse(iq, StanzaError.NOT_ALLOWED, "the group has " + muc.settings.maxMembers() + " members, the most it may");
        }
        for (Map.Entry<Occupant, Role> e : roles.entrySet()) applyRole(room, e.getKey(), e.getValue());
        return applyAffiliations(room, iq.from(), affiliations).thenCompose(v -> muc.reply(Iq.result(iq)));
    }

    /** Validates one item, adding it to the changes; returns "CONDITION: text" when refused. */
    private String check(Room room, Jid actor, Element item, Map<Jid, Affiliation> affiliations, Map<Occupant, Role> roles,
                         Map<Jid, String> reasons) {
        Affiliation mine = room.affiliation(actor);
        String affText = item.attr("affiliation");
        String roleText = item.attr("role");
        if (affText != null) {
            Affiliation wanted = Affiliation.of(affText);
            if (wanted == null) return "BAD_REQUEST: unknown affiliation " + affText;
            Jid target = null;
            if (item.attr("jid") != null) {
                target = Jid.parse(item.attr("jid"));
                if (target == null) return "JID_MALFORMED: item jid is not a JID";
                target = target.bare();
            } else if (item.attr("nick") != null) {
                Occupant o = room.occupants.get(item.attr("nick"));
                if (o == null) return "ITEM_NOT_FOUND: no occupant with that nickname";
                target = o.jid.bare();
            } else {
                return "BAD_REQUEST: name the item by jid";
            }
            Affiliation current = room.affiliation(target);
            boolean selfLeave = target.equals(actor.bare()) && wanted == Affiliation.NONE && current.isMember();
            if (!selfLeave) {
                if (mine == Affiliation.OWNER) {
                    if (current == Affiliation.OWNER && wanted != Affiliation.OWNER && target.equals(actor.bare())
                            && room.withAffiliation(Affiliation.OWNER).size() == 1) {
                        return "CONFLICT: you are the only owner; make someone else owner first";
                    }
                } else if (mine == Affiliation.ADMIN) {
                    if (wanted == Affiliation.OWNER || wanted == Affiliation.ADMIN) return "FORBIDDEN: only owners grant admin or owner";
                    if (current.atLeast(Affiliation.ADMIN)) return "NOT_ALLOWED: admins cannot change an admin's or an owner's affiliation";
                } else {
                    return "FORBIDDEN: only admins and owners change affiliations";
                }
            }
            affiliations.put(target, wanted);
            return null;
        }
        if (roleText != null) {
            Role wanted = Role.of(roleText);
            if (wanted == null) return "BAD_REQUEST: unknown role " + roleText;
            Occupant me = room.occupant(actor);
            if (me == null || me.role != Role.MODERATOR) return "FORBIDDEN: only moderators change roles";
            Occupant target = item.attr("nick") == null ? null : room.occupants.get(item.attr("nick"));
            if (target == null) return "ITEM_NOT_FOUND: no occupant with that nickname";
            Affiliation theirs = room.affiliation(target.jid);
            if (wanted == Role.MODERATOR && !mine.atLeast(Affiliation.ADMIN)) return "FORBIDDEN: only admins grant moderator";
            if (wanted != Role.MODERATOR && theirs.atLeast(Affiliation.ADMIN) && !mine.atLeast(theirs)) {
                return "NOT_ALLOWED: you cannot change the role of someone with a higher affiliation";
            }
            if (wanted != Role.MODERATOR && theirs.atLeast(Affiliation.ADMIN) && wanted == Role.NONE) {
                return "NOT_ALLOWED: admins and owners cannot be kicked; change their affiliation first";
            }
            roles.put(target, wanted);
            return null;
        }
        return "BAD_REQUEST: an item needs an affiliation or a role";
    }

    private void applyRole(Room room, Occupant o, Role role) {
        if (role == Role.NONE) {
            presence.remove(room, o, new int[] {MucXml.KICKED}, List.of());
            muc.rooms.retireIfIdle(room);
            return;
        }
        o.role = role;
        presence.broadcastPresence(room, o);
    }

    /** Stores the changes, then updates the room: occupants' presences, removals, system messages, the hand-on. */
    CompletionStage<Void> applyAffiliations(Room room, Jid actor, Map<Jid, Affiliation> changes) {
        if (changes.isEmpty()) return CompletableFuture.completedFuture(null);
        Instant now = muc.ctx.clock().instant();
        return CompletableFuture.runAsync(() -> {
            for (Map.Entry<Jid, Affiliation> e : changes.entrySet()) {
                muc.store.setAffiliation(room.name, e.getKey().toString(), e.getValue().xml(), now);
            }
        }, muc.ctx.blocking()).thenCompose(v -> {
            List<String> notes = new ArrayList<>();
            for (Map.Entry<Jid, Affiliation> e : changes.entrySet()) {
                Jid who = e.getKey();
                Affiliation before = room.affiliation(who);
                Affiliation after = e.getValue();
                if (after == Affiliation.NONE) room.affiliations.remove(who);
                else room.affiliations.put(who, after);
                afterChange(room, who, after);
                String note = note(actor, who, before, after);
                if (note != null) notes.add(note);
            }
            return handOn(room, notes).thenCompose(x -> announce(room, notes));
        });
    }

    private void afterChange(Room room, Jid who, Affiliation after) {
        for (Occupant o : new ArrayList<>(room.occupants.values())) {
            if (!o.jid.bare().equals(who)) continue;
            if (after == Affiliation.OUTCAST) {
                presence.remove(room, o, new int[] {MucXml.BANNED}, List.of());
            } else if (!after.isMember() && room.config.membersOnly()) {
                presence.remove(room, o, new int[] {MucXml.AFFILIATION_CHANGED}, List.of());
            } else {
                o.role = room.defaultRole(after);
                presence.broadcastPresence(room, o);
            }
        }
    }

    private static String note(Jid actor, Jid who, Affiliation before, Affiliation after) {
        String name = who.local() == null ? who.toString() : who.local();
        if (!before.isMember() && after.isMember()) {
            return actor.bare().equals(who) ? name + " joined" : actor.bare().local() + " added " + name;
        }
        if (before.isMember() && !after.isMember()) {
            return actor.bare().equals(who) ? name + " left" : actor.bare().local() + " removed " + name;
        }
        if (after == Affiliation.ADMIN && before == Affiliation.MEMBER) return name + " is now an admin";
        if (after == Affiliation.MEMBER && before.atLeast(Affiliation.ADMIN)) return name + " is no longer an admin";
        return null;
    }

    /** Adds a member (an admin's invitation to a members-only group); completes with false at the member limit. */
    CompletionStage<Boolean> addMember(Room room, Jid actor, Jid member) {
        if (room.memberCount() >= muc.settings.maxMembers()) return CompletableFuture.completedFuture(false);
        return applyAffiliations(room, actor, Map.of(member, Affiliation.MEMBER)).thenApply(v -> true);
    }

    /**
     * When no owner is left, the longest-standing admin becomes owner, else the longest-standing member; a group
     * with no members left is deleted.
     */
    CompletionStage<Void> handOn(Room room, List<String> notes) {
        if (!room.exists() || !room.withAffiliation(Affiliation.OWNER).isEmpty()) return CompletableFuture.completedFuture(null);
        Jid heir = room.withAffiliation(Affiliation.ADMIN).stream().findFirst()
                .orElse(room.withAffiliation(Affiliation.MEMBER).stream().findFirst().orElse(null));
        if (heir == null) {
            String name = room.name;
            return CompletableFuture.runAsync(() -> muc.store.delete(name), muc.ctx.blocking()).thenRun(() -> {
                room.config = null;
                room.affiliations.clear();
                for (Occupant o : new ArrayList<>(room.occupants.values())) {
                    presence.remove(room, o, new int[] {MucXml.AFFILIATION_CHANGED}, List.of());
                }
                muc.rooms.retireIfIdle(room);
            });
        }
        Instant now = muc.ctx.clock().instant();
        return CompletableFuture.runAsync(() -> muc.store.setAffiliation(room.name, heir.toString(), Affiliation.OWNER.xml(), now),
                muc.ctx.blocking()).thenRun(() -> {
                    room.affiliations.put(heir, Affiliation.OWNER);
                    afterChange(room, heir, Affiliation.OWNER);
                    notes.add((heir.local() == null ? heir.toString() : heir.local()) + " is now the group's owner");
                });
    }

    /** System messages from the room's bare JID, archived like any message so members who were away see them. */
    CompletionStage<Void> announce(Room room, List<String> notes) {
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        if (!room.exists()) return done;
        for (String note : notes) {
            done = done.thenCompose(v -> muc.archive.store(room, MucXml.roomMessage(room, note), null, null))
                    .thenAccept(stamped -> muc.fanout.broadcast(room.occupants.values(), stamped));
        }
        return done;
    }
}
