package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.store.PinStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * A number signed up again on a new phone takes the account over: the old token stops working and the old
 * phone's session ends. With a two-step PIN set, the take-over needs the PIN, and wrong PINs lock it.
 */
class ReRegistrationEndToEndTest {
    static final String PHONE = "+447400123456";
    static final String USER = "447400123456";

    /** Resolves when the connection is closed by the server with a stream error. */
    static AtomicReference<Exception> closedOnError(XMPPTCPConnection c, CountDownLatch latch) {
        AtomicReference<Exception> why = new AtomicReference<>();
        c.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                why.set(e);
                latch.countDown();
            }
        });
        return why;
    }

    @Test
    void signingUpAgainEndsTheOldSessionAndTheOldTokenNoLongerLogsIn() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (RunningTern tern = RunningTern.start(cfg -> {}, clock); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account oldPhone = api.signUp(PHONE);
            XMPPTCPConnection old = tern.login(USER, oldPhone.token(), "old-phone");
            CountDownLatch closed = new CountDownLatch(1);
            AtomicReference<Exception> why = closedOnError(old, closed);

            clock.advance(Duration.ofSeconds(31)); // past the resend cool-down
            SignupApi.Account newPhone = api.signUp(PHONE);

            assertThat(newPhone.jid()).isEqualTo(oldPhone.jid());
            assertThat(newPhone.token()).isNotEqualTo(oldPhone.token());
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(why.get()).isInstanceOf(StreamErrorException.class).hasMessageContaining("not-authorized");

            XMPPTCPConnection stale = tern.connection(tern.config(USER, oldPhone.token(), "old-phone").build());
            stale.connect();
            assertThatThrownBy(stale::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
            assertThat(tern.login(USER, newPhone.token(), "new-phone").isAuthenticated()).isTrue();
            assertThat(tern.server.database().store(im.tern.store.UserStore.class).count()).isEqualTo(1);
        }
    }

    @Test
    void aPinGuardsTheTakeOverAndLocksAfterFiveWrongTries() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (RunningTern tern = RunningTern.start(cfg -> {}, clock); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account owner = api.signUp(PHONE);
            assertThat(api.pin("PUT", owner.jid(), "not-the-token", "{\"pin\":\"2468\"}").status()).isEqualTo(401);
            SignupApi.Response set = api.pin("PUT", owner.jid(), owner.token(), "{\"pin\":\"2468\"}");
            assertThat(set.status()).isEqualTo(204);
            PinStore.Pin stored = tern.server.database().store(PinStore.class).get(USER).orElseThrow();
            assertThat(stored.hash()).startsWith("pbkdf2-sha256$").doesNotContain("2468");

            XMPPTCPConnection ownerXmpp = tern.login(USER, owner.token(), "phone");
            CountDownLatch closed = new CountDownLatch(1);
            closedOnError(ownerXmpp, closed);

            clock.advance(Duration.ofSeconds(31));
            String id = api.verification(PHONE);
            String code = api.lastCode(PHONE);
            SignupApi.Response noPin = api.createAccount(id, code, null);
            assertThat(noPin.status()).isEqualTo(403);
            assertThat(noPin.problem()).isEqualTo("pin-required");
            for (int left = 4; left >= 1; left--) {
                SignupApi.Response wrong = api.createAccount(id, code, "1111");
                assertThat(wrong.status()).isEqualTo(403);
                assertThat(wrong.problem()).isEqualTo("pin-wrong");
                assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(left);
            }
            SignupApi.Response fifth = api.createAccount(id, code, "1111");
            assertThat(fifth.status()).isEqualTo(423);
            assertThat(fifth.problem()).isEqualTo("pin-locked");
            assertThat(fifth.retryAfter()).isEqualTo("86400");

            clock.advance(Duration.ofSeconds(60));
            SignupApi.Response rightButLocked = api.createAccount(id, code, "2468");
            assertThat(rightButLocked.status()).isEqualTo(423);
            assertThat(rightButLocked.retryAfter()).isEqualTo(Long.toString(86400 - 60));
            assertThat(ownerXmpp.isAuthenticated()).isTrue(); // nothing was taken over

            clock.advance(Duration.ofDays(1)); // the lock-out is over; that code has long expired
            SignupApi.Response expired = api.createAccount(id, code, "2468");
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.problem()).isEqualTo("verification-expired");
            String id2 = api.verification(PHONE);
            SignupApi.Response taken = api.createAccount(id2, api.lastCode(PHONE), "2468");
            assertThat(taken.status()).isEqualTo(201);
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();

            String token = taken.json().get("token").asText();
            assertThat(api.pin("DELETE", owner.jid(), owner.token(), null).status()).isEqualTo(401);
            assertThat(api.pin("DELETE", USER, token, null).status()).isEqualTo(204);
            clock.advance(Duration.ofMinutes(5));
            SignupApi.Account again = api.signUp(PHONE); // no PIN any more
            assertThat(again.jid()).isEqualTo(owner.jid());
        }
    }
}
