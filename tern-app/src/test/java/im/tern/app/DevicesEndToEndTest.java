package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;

/**
 * Linked devices the way people use them: the phone that signed up makes a link code, a web client and a CLI
 * redeem it over HTTPS for tokens of their own, log in over XMPP as the same account (SCRAM-SHA-1 and PLAIN, what
 * Smack 4.4 has; SCRAM-SHA-256 is driven over a socket in tern-server's DeviceSessionsTest) and chat
 * beside the phone; unlinking one ends exactly its sessions, and signing the number up again unlinks them all.
 */
class DevicesEndToEndTest {
    static final String ALICE_PHONE = "+447400123456";
    static final String BOB_PHONE = "+447400123457";

    /** A Smack login restricted to one SASL mechanism. */
    static XMPPTCPConnection login(RunningTern tern, String user, String token, String resource, String mechanism) throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config(user, token, resource).addEnabledSaslMechanism(mechanism).build());
        c.connect().login();
        assertThat(c.getUsedSaslMechansism()).isEqualTo(mechanism);
        return c;
    }

    /** Messages with a body that reach the connection, carbons aside. */
    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> {
            Message m = (Message) s;
            if (m.getBody() != null) q.add(m);
        }, StanzaTypeFilter.MESSAGE);
        return q;
    }

    static BlockingQueue<Message> sentCarbons(XMPPTCPConnection c) throws Exception {
        CarbonManager carbons = CarbonManager.getInstanceFor(c);
        carbons.enableCarbons();
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        carbons.addCarbonCopyReceivedListener((direction, message, wrapper) -> {
            if (direction == CarbonExtension.Direction.sent) q.add(message);
        });
        return q;
    }

    static String body(BlockingQueue<Message> q) throws InterruptedException {
        Message m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m.getBody();
    }

    @Test
    void linkedDevicesLogInWithTheirOwnTokensAndChatBesideThePhone() throws Exception {
        try (RunningTern tern = RunningTern.start(); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account alice = api.signUp(ALICE_PHONE);
            SignupApi.Account bob = api.signUp(BOB_PHONE);
            SignupApi.Device web = api.link(alice, "Firefox on the laptop");
            SignupApi.Device cli = api.link(alice, "tern CLI");
            assertThat(web.jid()).isEqualTo(alice.jid());
            assertThat(web.token()).isNotEqualTo(alice.token()).isNotEqualTo(cli.token());
            assertThat(web.id()).isNotEqualTo(cli.id());

            XMPPTCPConnection phone = login(tern, alice.user(), alice.token(), "phone", "SCRAM-SHA-1");
            XMPPTCPConnection browser = login(tern, web.user(), web.token(), "web", "SCRAM-SHA-1");
            XMPPTCPConnection terminal = login(tern, cli.user(), cli.token(), "cli", "PLAIN");
            XMPPTCPConnection bobPhone = tern.login(bob.user(), bob.token(), "phone");
            BlockingQueue<Message> atPhone = inbox(phone);
            BlockingQueue<Message> atBrowser = inbox(browser);
            BlockingQueue<Message> atTerminal = inbox(terminal);
            BlockingQueue<Message> atBob = inbox(bobPhone);
            BlockingQueue<Message> phoneSent = sentCarbons(phone);
            BlockingQueue<Message> browserSent = sentCarbons(browser);
            for (XMPPTCPConnection c : new XMPPTCPConnection[] {phone, browser, terminal, bobPhone}) {
                PingManager.getInstanceFor(c).pingMyServer();
            }

            bobPhone.sendStanza(SignupEndToEndTest.chat(alice.jid(), "hello, all of Alice's devices"));
            assertThat(body(atPhone)).isEqualTo("hello, all of Alice's devices");
            assertThat(body(atBrowser)).isEqualTo("hello, all of Alice's devices");
            assertThat(body(atTerminal)).isEqualTo("hello, all of Alice's devices");

            browser.sendStanza(SignupEndToEndTest.chat(bob.jid(), "typed in the browser"));
            Message fromBrowser = atBob.poll(10, TimeUnit.SECONDS);
            assertThat(fromBrowser.getBody()).isEqualTo("typed in the browser");
            assertThat(fromBrowser.getFrom().toString()).isEqualTo(alice.jid() + "/web");
            assertThat(body(phoneSent)).isEqualTo("typed in the browser");

            phone.sendStanza(SignupEndToEndTest.chat(bob.jid(), "typed on the phone"));
            assertThat(body(atBob)).isEqualTo("typed on the phone");
            assertThat(body(browserSent)).isEqualTo("typed on the phone");

            SignupApi.Response listed = api.devices(cli.jid(), cli.token());
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().get("devices")).extracting(d -> d.get("name").asText())
                    .containsExactly("Firefox on the laptop", "tern CLI");
        }
    }

    @Test
    void theFifthDeviceIsRefused() throws Exception {
        try (RunningTern tern = RunningTern.start(); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account alice = api.signUp(ALICE_PHONE);
            for (int i = 1; i <= 4; i++) api.link(alice, "device " + i);

            SignupApi.Response refused = api.createLinkCode(alice.jid(), alice.token());

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.problem()).isEqualTo("too-many-devices");
            assertThat(refused.json().get("max").asInt()).isEqualTo(4);
            assertThat(api.devices(alice.jid(), alice.token()).json().get("devices")).hasSize(4);
        }
    }

    @Test
    void unlinkingEndsExactlyThatDevicesSessionsAndItsTokenNoLongerLogsIn() throws Exception {
        try (RunningTern tern = RunningTern.start(); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account alice = api.signUp(ALICE_PHONE);
            SignupApi.Device web = api.link(alice, "web");
            SignupApi.Device cli = api.link(alice, "cli");
            XMPPTCPConnection phone = tern.login(alice.user(), alice.token(), "phone");
            XMPPTCPConnection tab1 = tern.login(web.user(), web.token(), "tab-1");
            XMPPTCPConnection tab2 = login(tern, web.user(), web.token(), "tab-2", "PLAIN");
            XMPPTCPConnection terminal = tern.login(cli.user(), cli.token(), "cli");
            CountDownLatch closed = new CountDownLatch(2);
            AtomicReference<Exception> why1 = ReRegistrationEndToEndTest.closedOnError(tab1, closed);
            AtomicReference<Exception> why2 = ReRegistrationEndToEndTest.closedOnError(tab2, closed);

            SignupApi.Response unlinked = api.revoke(alice.jid(), alice.token(), web.id());

            assertThat(unlinked.status()).isEqualTo(204);
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(why1.get()).isInstanceOf(StreamErrorException.class).hasMessageContaining("not-authorized");
            assertThat(((StreamErrorException) why2.get()).getStreamError().getDescriptiveText())
                    .isEqualTo("this device was unlinked from the account");
            PingManager.getInstanceFor(phone).pingMyServer(); // the others go on
            PingManager.getInstanceFor(terminal).pingMyServer();
            assertThat(phone.isAuthenticated()).isTrue();
            assertThat(terminal.isAuthenticated()).isTrue();

            for (String mechanism : new String[] {"SCRAM-SHA-1", "PLAIN"}) {
                XMPPTCPConnection stale = tern.connection(tern.config(web.user(), web.token(), "again")
                        .addEnabledSaslMechanism(mechanism).build());
                stale.connect();
                assertThatThrownBy(stale::login).as(mechanism).isInstanceOf(SASLErrorException.class)
                        .hasMessageContaining("not-authorized");
            }
            assertThat(api.devices(web.jid(), web.token()).status()).isEqualTo(401);
            assertThat(api.devices(alice.jid(), alice.token()).json().get("devices"))
                    .extracting(d -> d.get("id").asText()).containsExactly(cli.id());
        }
    }

    @Test
    void signingTheNumberUpAgainUnlinksEveryDevice() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        try (RunningTern tern = RunningTern.start(cfg -> {}, clock); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account oldPhone = api.signUp(ALICE_PHONE);
            SignupApi.Device web = api.link(oldPhone, "web");
            String unused = api.linkCode(oldPhone);
            XMPPTCPConnection browser = tern.login(web.user(), web.token(), "web");
            CountDownLatch closed = new CountDownLatch(1);
            AtomicReference<Exception> why = ReRegistrationEndToEndTest.closedOnError(browser, closed);

            clock.advance(Duration.ofSeconds(31)); // past the resend cool-down
            SignupApi.Account newPhone = api.signUp(ALICE_PHONE);

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(why.get()).isInstanceOf(StreamErrorException.class).hasMessageContaining("not-authorized");
            XMPPTCPConnection stale = tern.connection(tern.config(web.user(), web.token(), "web").build());
            stale.connect();
            assertThatThrownBy(stale::login).isInstanceOf(SASLErrorException.class);
            assertThat(api.devices(newPhone.jid(), newPhone.token()).json().get("devices")).isEmpty();
            assertThat(api.redeem(unused, "late").problem()).isEqualTo("link-code-not-found");
            assertThat(api.link(newPhone, "new web").jid()).isEqualTo(newPhone.jid());
        }
    }

    @Test
    void aPasswordChangeFromThePhoneKeepsLinkedDevicesAndALinkedDeviceMayNotChangeIt() throws Exception {
        try (RunningTern tern = RunningTern.start(); SignupApi api = new SignupApi(tern)) {
            SignupApi.Account alice = api.signUp(ALICE_PHONE);
            SignupApi.Device web = api.link(alice, "web");
            XMPPTCPConnection phone = tern.login(alice.user(), alice.token(), "phone");
            XMPPTCPConnection browser = tern.login(web.user(), web.token(), "web");

            XMPPErrorException refused = org.junit.jupiter.api.Assertions.assertThrows(XMPPErrorException.class,
                    () -> AccountManager.getInstance(browser).changePassword("taken over"));
            assertThat(refused.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
            XMPPErrorException notDeleted = org.junit.jupiter.api.Assertions.assertThrows(XMPPErrorException.class,
                    () -> AccountManager.getInstance(browser).deleteAccount());
            assertThat(notDeleted.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);

            AccountManager.getInstance(phone).changePassword("a new password");

            assertThat(tern.login(alice.user(), "a new password", "phone-2").isAuthenticated()).isTrue();
            assertThat(login(tern, web.user(), web.token(), "web-2", "SCRAM-SHA-1").isAuthenticated()).isTrue();
            assertThat(login(tern, web.user(), web.token(), "web-3", "PLAIN").isAuthenticated()).isTrue();
            XMPPTCPConnection old = tern.connection(tern.config(alice.user(), alice.token(), "phone-3").build());
            old.connect();
            assertThatThrownBy(old::login).isInstanceOf(SASLErrorException.class);
        }
    }
}
