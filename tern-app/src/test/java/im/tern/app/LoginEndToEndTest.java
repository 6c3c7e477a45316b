package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logging in with Smack, a real XMPP client library, over STARTTLS on a real socket. */
class LoginEndToEndTest {
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "wonderland");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    @Test
    void scramSha1LoginBindsAFullJid() throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config("alice", "wonderland", "phone")
                .addEnabledSaslMechanism("SCRAM-SHA-1").build());
        c.connect().login();
        assertThat(c.isSecureConnection()).isTrue();
        assertThat(c.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
        assertThat(c.getUser().toString()).isEqualTo("alice@tern.test/phone");
    }

    @Test
    void plainLoginWorksOverTls() throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config("alice", "wonderland", "laptop")
                .addEnabledSaslMechanism("PLAIN").build());
        c.connect().login();
        assertThat(c.getUsedSaslMechansism()).isEqualTo("PLAIN");
        assertThat(c.isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordIsNotAuthorized() throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config("alice", "nope", "x").build());
        c.connect();
        assertThatThrownBy(c::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
    }

    @Test
    void unknownUserIsNotAuthorized() throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config("mallory", "x", "x").build());
        c.connect();
        assertThatThrownBy(c::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
    }

    @Test
    void sameResourceTwiceDisconnectsTheOlderSessionWithConflict() throws Exception {
        XMPPTCPConnection first = tern.login("alice", "wonderland", "tablet");
        CountDownLatch closed = new CountDownLatch(1);
        Exception[] why = new Exception[1];
        first.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                why[0] = e;
                closed.countDown();
            }
        });
        XMPPTCPConnection second = tern.login("alice", "wonderland", "tablet");
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(why[0]).isInstanceOf(StreamErrorException.class).hasMessageContaining("conflict");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getUser().toString()).isEqualTo("alice@tern.test/tablet");
    }
}
