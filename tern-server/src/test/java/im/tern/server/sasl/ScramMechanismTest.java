package im.tern.server.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.auth.Credentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.server.testing.ScramClient;
import im.tern.store.Database;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's SCRAM against a client written from RFC 5802, over the real store. */
class ScramMechanismTest {
    @TempDir static Path dir;
    static Database db;
    static SaslMechanisms mechanisms;

    @BeforeAll
    static void open() {
        db = Database.open(StoreConfig.embedded(dir));
        db.store(UserStore.class).create("alice", Credentials.fromPassword("secret", 4096));
        mechanisms = new SaslMechanisms(Jid.of("tern.test"),
                new CredentialLookup(db.store(UserStore.class), ForkJoinPool.commonPool()), ForkJoinPool.commonPool());
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

    @Test
    void succeedsWithBothHashesAndProvesTheServerKnowsTheKey() {
        assertThat(run(ScramAlgorithm.SHA_256, "n,,", "alice", "secret").username()).isEqualTo("alice");
        assertThat(run(ScramAlgorithm.SHA_1, "n,,", "alice", "secret").kind()).isEqualTo(SaslStep.Kind.SUCCESS);
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
