package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} backend must do; subclasses say which backend. */
public abstract class UserStoreContract {
    private static final Credentials ALICE = Credentials.fromPassword("alice-secret");
    private static final Credentials BOB = Credentials.fromPassword("bob-secret");

    private Database database;
    protected UserStore users;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        users = database.store(UserStore.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void createdAccountKeepsBothScramCredentials() {
        assertThat(users.create("alice", ALICE)).isTrue();

        Credentials stored = users.credentials("alice").orElseThrow();
        assertSame(stored.sha1(), ALICE.sha1());
        assertSame(stored.sha256(), ALICE.sha256());
        assertThat(stored.forAlgorithm(ScramAlgorithm.SHA_256).matches("alice-secret")).isTrue();
        assertThat(stored.forAlgorithm(ScramAlgorithm.SHA_1).matches("wrong")).isFalse();
    }

    @Test
    void creatingAnExistingAccountFailsAndKeepsItsCredentials() {
        users.create("alice", ALICE);

        assertThat(users.create("alice", BOB)).isFalse();
        assertThat(users.credentials("alice").orElseThrow().sha256().matches("alice-secret")).isTrue();
    }

    @Test
    void unknownAccountHasNoCredentials() {
        assertThat(users.credentials("nobody")).isEmpty();
        assertThat(users.exists("nobody")).isFalse();
    }

    @Test
    void setCredentialsReplacesThemOnlyForAnExistingAccount() {
        users.create("alice", ALICE);

        assertThat(users.setCredentials("alice", BOB)).isTrue();
        assertThat(users.setCredentials("nobody", BOB)).isFalse();

        assertSame(users.credentials("alice").orElseThrow().sha1(), BOB.sha1());
        assertThat(users.exists("nobody")).isFalse();
    }

    @Test
    void deleteRemovesOnlyThatAccountAndSaysWhetherItExisted() {
        users.create("alice", ALICE);
        users.create("bob", BOB);

        assertThat(users.delete("alice")).isTrue();
        assertThat(users.delete("alice")).isFalse();

        assertThat(users.exists("alice")).isFalse();
        assertThat(users.credentials("alice")).isEmpty();
        assertThat(users.exists("bob")).isTrue();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void listPagesThroughUsernamesInCodePointOrder() {
        for (String name : new String[] {"zoe", "a.b", "ab", "a-c", "447700900123", "émile", "b"}) {
            users.create(name, ALICE);
        }

        assertThat(users.list(0, 3)).containsExactly("447700900123", "a-c", "a.b");
        assertThat(users.list(3, 3)).containsExactly("ab", "b", "zoe");
        assertThat(users.list(6, 3)).containsExactly("émile");
        assertThat(users.list(7, 3)).isEmpty();
    }

    @Test
    void countFollowsCreatesAndDeletes() {
        assertThat(users.count()).isZero();
        users.create("alice", ALICE);
        users.create("bob", BOB);
        users.create("bob", BOB);
        assertThat(users.count()).isEqualTo(2);
        users.delete("bob");
        assertThat(users.count()).isEqualTo(1);
    }

    private static void assertSame(ScramCredential actual, ScramCredential expected) {
        assertThat(actual.algorithm()).isEqualTo(expected.algorithm());
        assertThat(actual.salt()).isEqualTo(expected.salt());
        assertThat(actual.iterations()).isEqualTo(expected.iterations());
        assertThat(actual.storedKey()).isEqualTo(expected.storedKey());
        assertThat(actual.serverKey()).isEqualTo(expected.serverKey());
    }
}
