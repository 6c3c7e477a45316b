package im.tern.server.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.server.testing.ScramClient;
import im.tern.store.Database;
import im.tern.store.DeviceStore;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's SCRAM (and PLAIN) against a client written from RFC 5802, over the real store: an account with
 * linked devices, each logging in with its own token on the account's salt.
 */
class ScramMechanismTest {
    @TempDir static Path dir;
    static Database db;
    static SaslMechanisms mechanisms;

    @BeforeAll
    static void open() {
        db = Database.open(StoreConfig.embedded(dir));
        Credentials alice = Credentials.fromPassword("secret", 4096);
        db.store(UserStore.class).create("alice", alice);
        DeviceStore devices = db.store(DeviceStore.class);
        for (int i = 1; i <= 4; i++) {
            devices.add("alice", new DeviceStore.Device("d" + i, "device " + i, Instant.EPOCH.plusSeconds(i)),
                    alice.withPassword("token-" + i), 4);
        }
        db.store(UserStore.class).create("bob", Credentials.fromPassword("bob-secret", 4096));
        mechanisms = new SaslMechanisms(Jid.of("tern.test"),
                new CredentialLookup(devices, ForkJoinPool.commonPool()), ForkJoinPool.commonPool());
    }

    @AfterAll
    static void close() { db.close(); }

    private static SaslStep step(SaslMechanism m, String message) {
        return m.evaluate(message.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
    }

    private static SaslStep run(ScramAlgorithm alg, String gs2, String user, String password) {
        SaslMechanism m = mechanisms.create(alg.mechanism());
        ScramClient client = new ScramClient(alg, gs2, user);
        SaslStep first = step(m, client.clientFirst());
        if (first.kind() != SaslStep.Kind.CHALLENGE) return first;
        SaslStep last = step(m, client.clientFinal(new String(first.data(), StandardCharsets.UTF_8), password));
        if (last.kind() == SaslStep.Kind.SUCCESS) {
            assertThat(new String(last.data(), StandardCharsets.UTF_8)).isEqualTo(client.expectedServerFinal());
        }
        return last;
    }

    private static SaslStep plain(String user, String password) {
        String message = "\0" + user + "\0" + password;
        return mechanisms.create("PLAIN").evaluate(message.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().join();
    }

    @Test
    void succeedsWithBothHashesAndProvesTheServerKnowsTheKey() {
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "alice", "secret").username()).isEqualTo("alice");
        assertThat(run(ScramAlgorithm.SHA_1, "n,,", "alice", "secret").kind()).isEqualTo(SaslStep.Kind.SUCCESS);
    }

    @Test
    void theAccountsOwnPasswordLogsInAsThePrimaryDevice() {
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "alice", "secret").device()).isEqualTo(AccountCredentials.PRIMARY);
        assertThat(plain("alice", "secret").device()).isEqualTo(AccountCredentials.PRIMARY);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void eachLinkedDevicesTokenLogsInAsThatDeviceWithEveryMechanism(int i) {
        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
            SaslStep step = run(alg, "n,,", "alice", "token-" + i); // run() also checks the server signature
            assertThat(step.kind()).as(alg.mechanism()).isEqualTo(SaslStep.Kind.SUCCESS);
            assertThat(step.username()).isEqualTo("alice");
            assertThat(step.device()).as(alg.mechanism()).isEqualTo("d" + i);
        }
        SaslStep p = plain("alice@tern.test", "token-" + i);
        assertThat(p.kind()).isEqualTo(SaslStep.Kind.SUCCESS);
        assertThat(p.device()).isEqualTo("d" + i);
    }

    @Test
    void aWrongTokenOrAnotherAccountsTokenFailsEverywhere() {
        for (ScramAlgorithm alg : ScramAlgorithm.values()) {
            assertThat(run(alg, "n,,", "alice", "token-5").condition()).isEqualTo("not-authorized");
            assertThat(run(alg, "n,,", "alice", "bob-secret").condition()).isEqualTo("not-authorized");
            assertThat(run(alg, "n,,", "bob", "token-1").condition()).isEqualTo("not-authorized");
        }
        assertThat(plain("alice", "token-5").condition()).isEqualTo("not-authorized");
        assertThat(plain("bob", "token-1").condition()).isEqualTo("not-authorized");
        assertThat(plain("bob", "bob-secret").device()).isEqualTo(AccountCredentials.PRIMARY);
    }

    @Test
    void everyCredentialOfTheAccountIsOfferedTheAccountsSalt() {
        String first = new String(step(mechanisms.create("SCRAM-SHA-256"), "n,,n=alice,r=abc").data(), StandardCharsets.UTF_8);
        String salt = Base64.getEncoder().encodeToString(
                db.store(DeviceStore.class).credentials("alice").orElseThrow().account(ScramAlgorithm.SHA_256).salt());
        assertThat(first).contains(",s=" + salt + ",i=4096");
    }

    @Test
    void aRevokedDevicesTokenStopsWorkingAtOnceAndTheOthersGoOn() {
        DeviceStore devices = db.store(DeviceStore.class);
        Credentials bob = devices.credentials("bob").orElseThrow().primary();
        devices.add("bob", new DeviceStore.Device("b1", "web", Instant.EPOCH), bob.withPassword("bob-web"), 4);
        devices.add("bob", new DeviceStore.Device("b2", "cli", Instant.EPOCH), bob.withPassword("bob-cli"), 4);
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "bob", "bob-web").device()).isEqualTo("b1");

        devices.revoke("bob", "b1");

        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "bob", "bob-web").condition()).isEqualTo("not-authorized");
        assertThat(plain("bob", "bob-web").condition()).isEqualTo("not-authorized");
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "bob", "bob-cli").device()).isEqualTo("b2");
        devices.revokeAll("bob");
    }

    @Test
    void acceptsAClientThatSupportsChannelBindingButThinksWeDoNot() {
        assertThat(run(ScramAlgorithm.SHA_256, "y,,", "alice", "secret").kind()).isEqualTo(SaslStep.Kind.SUCCESS);
    }

    @Test
    void refusesChannelBindingRequests() {
        SaslStep s = run(ScramAlgorithm.SHA_256, "p=tls-unique,,", "alice", "secret");
        assertThat(s.kind()).isEqualTo(SaslStep.Kind.FAILURE);
    }

    @Test
    void acceptsTheUsersOwnAuthzidAndRefusesAnyOther() {
        assertThat(run(ScramAlgorithm.SHA_256, "n,a=alice@tern.test,", "alice", "secret").kind()).isEqualTo(SaslStep.Kind.SUCCESS);
        assertThat(run(ScramAlgorithm.SHA_256, "n,a=bob@tern.test,", "alice", "secret").condition()).isEqualTo("invalid-authzid");
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlikeAtTheProof() {
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "alice", "nope").condition()).isEqualTo("not-authorized");
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "mallory", "x").condition()).isEqualTo("not-authorized");
    }

    @Test
    void decoysForUnknownUsersKeepTheSameSalt() {
        SaslMechanism a = mechanisms.create("SCRAM-SHA-256");
        SaslMechanism b = mechanisms.create("SCRAM-SHA-256");
        String saltA = new String(step(a, "n,,n=ghost,r=abc").data(), StandardCharsets.UTF_8).split(",")[1];
        String saltB = new String(step(b, "n,,n=ghost,r=def").data(), StandardCharsets.UTF_8).split(",")[1];
        assertThat(saltA).isEqualTo(saltB);
    }

    @Test
    void malformedMessagesAreMalformedRequests() {
        assertThat(step(mechanisms.create("SCRAM-SHA-1"), "garbage").condition()).isEqualTo("malformed-request");
        assertThat(step(mechanisms.create("SCRAM-SHA-1"), "n,,r=only").condition()).isEqualTo("malformed-request");
        assertThat(ScramMechanism.decodeName("a=2Cb=3Dc")).isEqualTo("a,b=c");
        assertThat(ScramMechanism.decodeName("a=XY")).isNull();
    }
}
