package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.store.DeviceStore.Device;
import im.tern.store.DeviceStore.Linking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeviceStore} backend must do; subclasses say which backend. */
public abstract class DeviceStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    // Few iterations: the store keeps keys, it never derives them.
    private static final Credentials ALICE = Credentials.fromPassword("alice-token", 64);

    private Database database;
    protected DeviceStore devices;
    protected UserStore users;

    /** A freshly migrated, empty backend. */
    protected abstract Database openDatabase();

    @BeforeEach
    void open() {
        database = openDatabase();
        devices = database.store(DeviceStore.class);
        users = database.store(UserStore.class);
        users.create("alice", ALICE);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Device device(String id, int secondsAfter) {
        return new Device(id, "Web " + id, T0.plusSeconds(secondsAfter));
    }

    @Test
    void anAccountWithoutDevicesLogsInWithItsOwnCredentialsOnly() {
        AccountCredentials c = devices.credentials("alice").orElseThrow();
        assertThat(c.linked()).isEmpty();
        assertThat(c.deviceOf("alice-token")).isEqualTo(AccountCredentials.PRIMARY);
        assertThat(c.deviceOf("wrong")).isNull();
        assertThat(devices.credentials("nobody")).isEmpty();
        assertThat(devices.list("alice")).isEmpty();
    }

    @Test
    void linkedDevicesAreListedOldestFirstAndLogInWithTheirOwnTokens() {
        assertThat(devices.add("alice", device("d2", 2), ALICE.withPassword("token-2"), 4)).isEqualTo(Linking.LINKED);
        assertThat(devices.add("alice", device("d1", 1), ALICE.withPassword("token-1"), 4)).isEqualTo(Linking.LINKED);

        assertThat(devices.list("alice")).containsExactly(device("d1", 1), device("d2", 2));
        AccountCredentials c = devices.credentials("alice").orElseThrow();
        assertThat(c.linked()).extracting(AccountCredentials.Linked::device).containsExactly("d1", "d2");
        assertThat(c.deviceOf("token-1")).isEqualTo("d1");
        assertThat(c.deviceOf("token-2")).isEqualTo("d2");
        assertThat(c.deviceOf("alice-token")).isEqualTo(AccountCredentials.PRIMARY);
        assertThat(c.linked().get(0).credentials().sha256().salt()).isEqualTo(ALICE.sha256().salt());
    }

    @Test
    void theLimitHoldsAndOnlyAnExistingAccountWithUnchangedSaltsGetsDevices() {
        for (int i = 1; i <= 3; i++) assertThat(devices.add("alice", device("d" + i, i), ALICE.withPassword("t" + i), 3)).isEqualTo(Linking.LINKED);
        assertThat(devices.add("alice", device("d4", 4), ALICE.withPassword("t4"), 3)).isEqualTo(Linking.FULL);
        assertThat(devices.add("nobody", device("d5", 5), ALICE.withPassword("t5"), 3)).isEqualTo(Linking.NO_ACCOUNT);

        users.create("bob", Credentials.fromPassword("bob-token", 64));
        Credentials onOldSalts = devices.credentials("bob").orElseThrow().primary().withPassword("bob-device");
        users.setCredentials("bob", Credentials.fromPassword("new-phone", 64)); // fresh salts: a re-registration
        assertThat(devices.add("bob", device("b1", 1), onOldSalts, 3)).isEqualTo(Linking.STALE);
        assertThat(devices.list("bob")).isEmpty();
        assertThat(devices.list("alice")).hasSize(3);
    }

    @Test
    void revokedDevicesNoLongerLogInAndOtherAccountsKeepTheirs() {
        users.create("bob", Credentials.fromPassword("bob-token", 64));
        Credentials bob = devices.credentials("bob").orElseThrow().primary();
        devices.add("alice", device("d1", 1), ALICE.withPassword("token-1"), 4);
        devices.add("alice", device("d2", 2), ALICE.withPassword("token-2"), 4);
        devices.add("bob", device("d1", 1), bob.withPassword("bob-1"), 4);

        assertThat(devices.revoke("alice", "d1")).isTrue();
        assertThat(devices.revoke("alice", "d1")).isFalse();
        assertThat(devices.credentials("alice").orElseThrow().deviceOf("token-1")).isNull();
        assertThat(devices.credentials("alice").orElseThrow().deviceOf("token-2")).isEqualTo("d2");

        assertThat(devices.revokeAll("alice")).isEqualTo(1);
        assertThat(devices.list("alice")).isEmpty();
        assertThat(devices.credentials("bob").orElseThrow().deviceOf("bob-1")).isEqualTo("d1");
    }

    @Test
    void aDeletedAccountHasNoCredentialsEvenWithDeviceRowsLeft() {
        devices.add("alice", device("d1", 1), ALICE.withPassword("token-1"), 4);
        users.delete("alice");
        assertThat(devices.credentials("alice")).isEmpty();
    }

    @Test
    void concurrentLinksNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Linking>> links = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String id = "c" + i;
                Credentials c = ALICE.withPassword("token-" + i);
                links.add(() -> devices.add("alice", device(id, 0), c, 4));
            }
            int linked = 0;
            for (Future<Linking> f : pool.invokeAll(links)) if (f.get() == Linking.LINKED) linked++;
            assertThat(linked).isEqualTo(4);
            assertThat(devices.list("alice")).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }
}
