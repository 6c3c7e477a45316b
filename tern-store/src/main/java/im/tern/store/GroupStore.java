package im.tern.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Group chat rooms (XEP-0045, docs/groups.md): their configuration, the affiliations of bare JIDs, and the
 * room archive, where each groupchat message is stored once for the room, not once per member.
 */
public interface GroupStore {
    /**
     * A room's stored configuration; {@code name} is its localpart on the groups service, {@code password} is ""
     * for none, {@code maxOccupants} 0 for no limit.
     */
    record Room(String name, String title, String description, String subject, String subjectBy,
                boolean persistent, boolean membersOnly, boolean moderated, boolean publicRoom,
                boolean whoisAnyone, boolean changeSubject, String password, int maxOccupants, Instant createdAt) {
        public Room withSubject(String newSubject, String by) {
            return new Room(name, title, description, newSubject, by, persistent, membersOnly, moderated, publicRoom,
                    whoisAnyone, changeSubject, password, maxOccupants, createdAt);
        }
    }

    /** An affiliation: {@code owner}, {@code admin}, {@code member} or {@code outcast}; {@code since} orders members. */
    record Affiliation(String jid, String affiliation, Instant since) {}

    /** A message in the room archive; {@code seq} is its place (set by the store), {@code id} its stanza-id. */
    record Message(long seq, String room, String id, String fromNick, String fromJid, Instant stamp, String xml) {}

    Optional<Room> room(String name);

    /** The rooms listed in disco#items (public ones), by name. */
    List<Room> publicRooms();

    /** Creates the room with its first owner, both or neither; false when the name is taken. */
    boolean create(Room room, String owner);

    /** Replaces a room's configuration. */
    void update(Room room);

    /** Deletes the room, its affiliations and its archive; false when there was none. */
    boolean delete(String name);

    /** How many rooms this bare JID owns. */
    int countOwned(String jid);

    /** A room's affiliations, longest-standing first. */
    List<Affiliation> affiliations(String room);

    /** Sets an affiliation, keeping {@code since} of one already there; {@code none} removes it. */
    void setAffiliation(String room, String jid, String affiliation, Instant since);

    /** Removes every affiliation of a bare JID (its account was deleted); returns the rooms it had one in. */
    List<String> removeEverywhere(String jid);

    /** Appends messages to room archives in one transaction, in list order. */
    void archive(List<Message> messages);

    /**
     * A page of a room's archive: messages with seq strictly between {@code afterSeq} and {@code beforeSeq}
     * (either may be null), stamped at or after {@code since} (may be null), oldest first unless
     * {@code newestFirst}, at most {@code limit}.
     */
    List<Message> history(String room, Long afterSeq, Long beforeSeq, Instant since, int limit, boolean newestFirst);

    /** The seq of a message by its stanza-id, for paging by id (XEP-0059). */
    Optional<Long> seqOf(String room, String id);
}
