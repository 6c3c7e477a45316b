package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link GroupStore} backend must do; subclasses say which backend. */
public abstract class GroupStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Database database;
    protected GroupStore groups;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        groups = database.store(GroupStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static GroupStore.Room room(String name, boolean publicRoom) {
        return new GroupStore.Room(name, "Team", "", "", "", true, true, false, publicRoom, true, false, "", 0, T0);
    }

    @Test
    void roomIsCreatedWithItsOwnerOnceAndUpdated() {
        assertThat(groups.create(room("team", false), "alice@example.com")).isTrue();
        assertThat(groups.create(room("team", true), "bob@example.com")).isFalse();
        assertThat(groups.room("team")).contains(room("team", false));
        assertThat(groups.affiliations("team")).containsExactly(new GroupStore.Affiliation("alice@example.com", "owner", T0));
        assertThat(groups.countOwned("alice@example.com")).isEqualTo(1);
        assertThat(groups.countOwned("bob@example.com")).isZero();

        GroupStore.Room changed = new GroupStore.Room("team", "Team 2", "desc", "Hello", "alice", true, false, true, true,
                false, true, "secret", 10, T0);
        groups.update(changed);
        assertThat(groups.room("team")).contains(changed);
        assertThat(groups.publicRooms()).containsExactly(changed);
        assertThat(groups.room("other")).isEmpty();
    }

    @Test
    void affiliationsAreSetChangedKeptInOrderAndRemoved() {
        groups.create(room("team", false), "alice@example.com");
        groups.setAffiliation("team", "bob@example.com", "member", T0.plusSeconds(1));
        groups.setAffiliation("team", "carol@example.com", "member", T0.plusSeconds(2));
        groups.setAffiliation("team", "bob@example.com", "admin", T0.plusSeconds(5)); // keeps since
        groups.setAffiliation("team", "eve@example.com", "outcast", T0.plusSeconds(3));
        assertThat(groups.affiliations("team")).containsExactly(
                new GroupStore.Affiliation("alice@example.com", "owner", T0),
                new GroupStore.Affiliation("bob@example.com", "admin", T0.plusSeconds(1)),
                new GroupStore.Affiliation("carol@example.com", "member", T0.plusSeconds(2)),
                new GroupStore.Affiliation("eve@example.com", "outcast", T0.plusSeconds(3)));
        groups.setAffiliation("team", "carol@example.com", "none", T0);
        assertThat(groups.affiliations("team")).extracting(GroupStore.Affiliation::jid)
                .containsExactly("alice@example.com", "bob@example.com", "eve@example.com");
    }

    @Test
    void anAccountIsRemovedFromEveryRoom() {
        groups.create(room("a", false), "alice@example.com");
        groups.create(room("b", false), "bob@example.com");
        groups.setAffiliation("b", "alice@example.com", "member", T0);
        assertThat(groups.removeEverywhere("alice@example.com")).containsExactly("a", "b");
        assertThat(groups.affiliations("a")).isEmpty();
        assertThat(groups.affiliations("b")).extracting(GroupStore.Affiliation::jid).containsExactly("bob@example.com");
        assertThat(groups.removeEverywhere("alice@example.com")).isEmpty();
    }

    @Test
    void archiveIsPagedInOrderPerRoomAndDeletedWithTheRoom() {
        groups.create(room("a", false), "alice@example.com");
        groups.create(room("b", false), "alice@example.com");
        groups.archive(List.of(
                message("a", "1", T0), message("b", "x", T0), message("a", "2", T0.plusSeconds(10))));
        groups.archive(List.of(message("a", "3", T0.plusSeconds(20))));

        List<GroupStore.Message> all = groups.history("a", null, null, null, 10, false);
        assertThat(all).extracting(GroupStore.Message::id).containsExactly("1", "2", "3");
        assertThat(all.get(0).xml()).isEqualTo("<message>1</message>");
        assertThat(all.get(0).fromNick()).isEqualTo("nick");
        long second = groups.seqOf("a", "2").orElseThrow();
        assertThat(groups.history("a", second, null, null, 10, false)).extracting(GroupStore.Message::id).containsExactly("3");
        assertThat(groups.history("a", null, second, null, 10, false)).extracting(GroupStore.Message::id).containsExactly("1");
        assertThat(groups.history("a", null, null, null, 2, true)).extracting(GroupStore.Message::id).containsExactly("3", "2");
        assertThat(groups.history("a", null, null, T0.plusSeconds(10), 10, false)).extracting(GroupStore.Message::id)
                .containsExactly("2", "3");
        assertThat(groups.seqOf("a", "x")).isEmpty();

        assertThat(groups.delete("a")).isTrue();
        assertThat(groups.delete("a")).isFalse();
        assertThat(groups.history("a", null, null, null, 10, false)).isEmpty();
        assertThat(groups.room("a")).isEmpty();
        assertThat(groups.history("b", null, null, null, 10, false)).hasSize(1);
    }

    private static GroupStore.Message message(String room, String id, Instant stamp) {
        return new GroupStore.Message(0, room, id, "nick", "alice@example.com/phone", stamp, "<message>" + id + "</message>");
    }
}
