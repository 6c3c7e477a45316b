package im.tern.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rooms in {@code group_rooms}, affiliations in {@code group_affiliations}, the room archive in {@code group_archive}. */
final class JdbcGroupStore implements GroupStore {
    private static final String ROOM_COLUMNS = "room, title, description, subject, subject_by, persistent, members_only,"
            + " moderated, public_room, whois_anyone, change_subject, password, max_occupants, created_at";
    private static final String MESSAGE_COLUMNS = "seq, room, id, from_nick, from_jid, stamp, xml";

    private final Sql sql;

    JdbcGroupStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Room> room(String name) {
        return sql.first("SELECT " + ROOM_COLUMNS + " FROM group_rooms WHERE room = ?", JdbcGroupStore::room, name);
    }

    @Override
    public List<Room> publicRooms() {
        return sql.list("SELECT " + ROOM_COLUMNS + " FROM group_rooms WHERE public_room = ? ORDER BY room",
                JdbcGroupStore::room, true);
    }

    @Override
    public boolean create(Room room, String owner) {
        return sql.transaction(c -> {
            if (Sql.first(c, "SELECT room FROM group_rooms WHERE room = ? FOR UPDATE", rs -> rs.getString(1), room.name()).isPresent()) {
                return false;
            }
            try {
                Sql.update(c, "INSERT INTO group_rooms (" + ROOM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        room.name(), room.title(), room.description(), room.subject(), room.subjectBy(), room.persistent(),
                        room.membersOnly(), room.moderated(), room.publicRoom(), room.whoisAnyone(), room.changeSubject(),
                        room.password(), room.maxOccupants(), room.createdAt().toEpochMilli());
            } catch (SQLException duplicate) {
                if (isDuplicate(duplicate)) return false; // a concurrent create took the name
                throw duplicate;
            }
            Sql.update(c, "DELETE FROM group_affiliations WHERE room = ?", room.name());
            Sql.update(c, "INSERT INTO group_affiliations (room, jid, affiliation, since) VALUES (?, ?, ?, ?)",
                    room.name(), owner, "owner", room.createdAt().toEpochMilli());
            return true;
        });
    }

    @Override
    public void update(Room room) {
        sql.update("UPDATE group_rooms SET title = ?, description = ?, subject = ?, subject_by = ?, persistent = ?,"
                        + " members_only = ?, moderated = ?, public_room = ?, whois_anyone = ?, change_subject = ?, password = ?, max_occupants = ? WHERE room = ?",
                room.title(), room.description(), room.subject(), room.subjectBy(), room.persistent(), room.membersOnly(),
                room.moderated(), room.publicRoom(), room.whoisAnyone(), room.changeSubject(), room.password(), room.maxOccupants(),
                room.name());
    }

    @Override
    public boolean delete(String name) {
        return sql.transaction(c -> {
            Sql.update(c, "DELETE FROM group_archive WHERE room = ?", name);
            Sql.update(c, "DELETE FROM group_affiliations WHERE room = ?", name);
            return Sql.update(c, "DELETE FROM group_rooms WHERE room = ?", name) == 1;
        });
    }

    @Override
    public int countOwned(String jid) {
        return sql.first("SELECT COUNT(*) FROM group_affiliations WHERE jid = ? AND affiliation = ?",
                rs -> rs.getInt(1), jid, "owner").orElse(0);
    }

    @Override
    public List<Affiliation> affiliations(String room) {
        return sql.list("SELECT jid, affiliation, since FROM group_affiliations WHERE room = ? ORDER BY since, jid",
                rs -> new Affiliation(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))), room);
    }

    @Override
    public void setAffiliation(String room, String jid, String affiliation, Instant since) {
        sql.transaction(c -> {
            if ("none".equals(affiliation)) {
                return Sql.update(c, "DELETE FROM group_affiliations WHERE room = ? AND jid = ?", room, jid);
            }
            int updated = Sql.update(c, "UPDATE group_affiliations SET affiliation = ? WHERE room = ? AND jid = ?",
                    affiliation, room, jid);
            if (updated == 0) {
                Sql.update(c, "INSERT INTO group_affiliations (room, jid, affiliation, since) VALUES (?, ?, ?, ?)",
                        room, jid, affiliation, since.toEpochMilli());
            }
            return updated;
        });
    }

    @Override
    public List<String> removeEverywhere(String jid) {
        return sql.transaction(c -> {
            List<String> rooms = Sql.list(c, "SELECT room FROM group_affiliations WHERE jid = ? ORDER BY room",
                    rs -> rs.getString(1), jid);
            Sql.update(c, "DELETE FROM group_affiliations WHERE jid = ?", jid);
            return rooms;
        });
    }

    @Override
    public void archive(List<Message> messages) {
        if (messages.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message m : messages) {
            rows.add(new Object[] {m.room(), m.id(), m.fromNick(), m.fromJid(), m.stamp().toEpochMilli(), m.xml()});
        }
        sql.transaction(c -> {
            Sql.batch(c, "INSERT INTO group_archive (room, id, from_nick, from_jid, stamp, xml) VALUES (?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
    }

    @Override
    public List<Message> history(String room, Long afterSeq, Long beforeSeq, Instant since, int limit, boolean newestFirst) {
        StringBuilder where = new StringBuilder(" WHERE room = ?");
        List<Object> params = new ArrayList<>(List.of(room));
        if (afterSeq != null) {
            where.append(" AND seq > ?");
            params.add(afterSeq);
        }
        if (beforeSeq != null) {
            where.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        if (since != null) {
            where.append(" AND stamp >= ?");
            params.add(since.toEpochMilli());
        }
        params.add(limit);
        List<Message> page = sql.list("SELECT " + MESSAGE_COLUMNS + " FROM group_archive" + where
                        + " ORDER BY seq " + (newestFirst ? "DESC" : "ASC") + " LIMIT ?",
                JdbcGroupStore::message, params.toArray());
        return page;
    }

    @Override
    public Optional<Long> seqOf(String room, String id) {
        return sql.first("SELECT seq FROM group_archive WHERE room = ? AND id = ?", rs -> rs.getLong(1), room, id);
    }

    private static Room room(ResultSet rs) throws SQLException {
        return new Room(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
                rs.getBoolean(11), rs.getString(12), rs.getInt(13), Instant.ofEpochMilli(rs.getLong(14)));
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7));
    }

    /** SQLState class 23 is an integrity violation: here, the room name already taken. */
    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
