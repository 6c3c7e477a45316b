package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.iqprivate.packet.DefaultPrivateData;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.push_notifications.PushNotificationsManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Deleting an account, over HTTP ({@code DELETE /v1/accounts/me}) and over XEP-0077 ({@code <remove/>}), leaves
 * nothing behind: after it, no row of any table of the store mentions the account, the tables being read from
 * INFORMATION_SCHEMA so that a store added later and forgetting its clean-up fails here. The only rows allowed
 * to stay are other accounts' copies of the messages they exchanged with it (their own history, as on WhatsApp).
 * Its live sessions end, its contacts' rosters lose it with a roster push, and its tokens no longer log in.
 */
class AccountDeletionEndToEndTest {
    static final String ALICE_PHONE = "+447400123456";
    static final String ALICE = "447400123456";

    RunningTern tern;
    SignupApi api;
    SignupApi.Account alice;
    SignupApi.Account bob;
    SignupApi.Account carol;
    SignupApi.Device aliceWeb;
    XMPPTCPConnection bobPhone;
    /** Alice's sessions at the moment of deletion: bound, without presence (so her waiting messages stay waiting). */
    XMPPTCPConnection alicePhone;
    XMPPTCPConnection aliceBrowser;

    @BeforeEach
    void start() throws Exception {
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
        tern = RunningTern.start();
        api = new SignupApi(tern);
    }

    @AfterEach
    void stop() {
        api.close();
        tern.close();
    }

    static BareJid jid(String s) throws Exception { return JidCreate.bareFrom(s); }

    XMPPTCPConnection quietLogin(String user, String token, String resource) throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config(user, token, resource).setSendPresence(false).build());
        c.connect().login();
        return c;
    }

    /** Alice with something in every store: devices, codes, roster both ways, a pending request, a blocklist, ... */
    void aliceWithEverything() throws Exception {
        alice = api.signUp(ALICE_PHONE);
        bob = api.signUp("+447400123457");
        carol = api.signUp("+447400123458");
        aliceWeb = api.link(alice, "web");
        api.linkCode(alice); // left open

        XMPPTCPConnection phone = tern.login(ALICE, alice.token(), "phone");
        bobPhone = tern.login(bob.user(), bob.token(), "phone");
        Roster aliceRoster = Roster.getInstanceFor(phone);
        Roster bobRoster = Roster.getInstanceFor(bobPhone);
        aliceRoster.createItemAndRequestSubscription(jid(bob.jid()), "Bob", new String[] {"Friends"});
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getEntry(jid(alice.jid())) != null);
        bobRoster.createItemAndRequestSubscription(jid(alice.jid()), "Alice", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceRoster.getEntry(jid(bob.jid())) != null
                && aliceRoster.getEntry(jid(bob.jid())).canSeeHisPresence()
                && bobRoster.getEntry(jid(alice.jid())).canSeeHisPresence());
        // Carol is offline: Alice's request waits in Carol's store.
        phone.sendStanza(StanzaBuilder.buildPresence().ofType(Presence.Type.subscribe).to(jid(carol.jid())).build());
        BlockingCommandManager.getInstanceFor(phone).blockContacts(List.of(JidCreate.from("447400999999@tern.test")));
        VCard card = new VCard();
        card.setFirstName("Alice");
        VCardManager.getInstanceFor(phone).saveVCard(card);
        DefaultPrivateData prefs = new DefaultPrivateData("prefs", "urn:example:prefs");
        prefs.setValue("theme", "dark");
        PrivateDataManager.getInstanceFor(phone).setPrivateData(prefs);
        phone.sendStanza(SignupEndToEndTest.chat(bob.jid(), "archived in both archives"));
        bobPhone.sendStanza(SignupEndToEndTest.chat(alice.jid(), "archived too"));
        PingManager.getInstanceFor(phone).pingMyServer();
        PingManager.getInstanceFor(bobPhone).pingMyServer();
        phone.disconnect(); // last activity recorded

        alicePhone = quietLogin(ALICE, alice.token(), "phone");
        aliceBrowser = quietLogin(ALICE, aliceWeb.token(), "web");
        bobPhone.sendStanza(SignupEndToEndTest.chat(alice.jid(), "waiting for Alice"));
        PingManager.getInstanceFor(bobPhone).pingMyServer();
        await().atMost(Duration.ofSeconds(10)).until(() -> tern.server.database().store(im.tern.store.MessageStore.class)
                .countOffline(ALICE) == 1);
        // Registered after the waiting message: that one would have been pushed to this made-up service, whose
        // refusal drops the registration.
        assertThat(PushNotificationsManager.getInstanceFor(alicePhone).enable(JidCreate.from("push.example.net"), "alice-node")).isTrue();
        assertThat(tern.server.database().store(im.tern.store.DocumentStore.class).get(ALICE, "push:registrations")).isPresent();

        // The check can fail: before the deletion Alice is all over the store.
        List<StoreScan.Hit> before = StoreScan.mentions(tern.data, ALICE, StoreScan.Hit::isNothing);
        assertThat(StoreScan.tables(before)).contains("users", "devices", "device_link_codes", "roster_items",
                "roster_pending_in", "roster_versions", "documents", "archive", "offline_messages", "offline_counts",
                "signup_verifications", "signup_numbers", "quota_counters");
        assertThat(before.stream().filter(h -> h.table().equals("documents")).map(h -> h.row().get("doc_key")))
                .contains("vcard-temp", "blocking:list", "lastactivity", "push:registrations")
                .anyMatch(key -> key.contains("urn:example:prefs"));
    }

    /** Other accounts' own history of what they exchanged with the deleted one is theirs to keep. */
    static boolean othersHistory(StoreScan.Hit hit) {
        return (hit.table().equals("archive") || hit.table().equals("offline_messages")) && !ALICE.equals(hit.row().get("owner"));
    }

    void assertNothingLeft() throws Exception {
        List<StoreScan.Hit> left = StoreScan.mentions(tern.data, ALICE, AccountDeletionEndToEndTest::othersHistory);
        assertThat(left).as("rows still mentioning the deleted account").isEmpty();
        // Bob's copy of the conversation is still his.
        assertThat(StoreScan.mentions(tern.data, ALICE, StoreScan.Hit::isNothing)).allMatch(AccountDeletionEndToEndTest::othersHistory)
                .anyMatch(h -> h.table().equals("archive"));
    }

    void assertSignedOutAndGone(CountDownLatch closed, AtomicReference<Exception> phoneWhy) throws Exception {
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("both of Alice's sessions ended").isTrue();
        assertThat(phoneWhy.get()).isInstanceOf(StreamErrorException.class).hasMessageContaining("not-authorized");
        Roster bobRoster = Roster.getInstanceFor(bobPhone);
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getEntry(jid(alice.jid())) == null); // a roster push
        for (String token : new String[] {alice.token(), aliceWeb.token()}) {
            XMPPTCPConnection again = tern.connection(tern.config(ALICE, token, "again").build());
            again.connect();
            assertThatThrownBy(again::login).isInstanceOf(SASLErrorException.class).hasMessageContaining("not-authorized");
        }
        assertThat(api.devices(alice.jid(), alice.token()).status()).isEqualTo(401);
        PingManager.getInstanceFor(bobPhone).pingMyServer(); // Bob is untouched
        assertThat(api.devices(bob.jid(), bob.token()).status()).isEqualTo(200);
    }

    @Test
    void deletingOverHttpWithThePinLeavesNothingBehind() throws Exception {
        aliceWithEverything();
        assertThat(api.pin("PUT", alice.jid(), alice.token(), "{\"pin\":\"2468\"}").status()).isEqualTo(204);
        CountDownLatch closed = new CountDownLatch(2);
        AtomicReference<Exception> phoneWhy = ReRegistrationEndToEndTest.closedOnError(alicePhone, closed);
        ReRegistrationEndToEndTest.closedOnError(aliceBrowser, closed);

        // With a PIN, XEP-0077 cannot carry it: refused, and the HTTP API asks for it.
        XMPPErrorException refused = org.junit.jupiter.api.Assertions.assertThrows(XMPPErrorException.class,
                () -> AccountManager.getInstance(alicePhone).deleteAccount());
        assertThat(refused.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(api.deleteAccount(alice.jid(), alice.token(), null).problem()).isEqualTo("pin-required");
        assertThat(api.deleteAccount(alice.jid(), alice.token(), "1357").problem()).isEqualTo("pin-wrong");
        assertThat(tern.server.database().store(im.tern.store.UserStore.class).exists(ALICE)).isTrue();

        SignupApi.Response deleted = api.deleteAccount(alice.jid(), alice.token(), "2468");

        assertThat(deleted.status()).isEqualTo(204);
        assertNothingLeft(); // at once: the answer waits for every module's clean-up
        assertSignedOutAndGone(closed, phoneWhy);
        assertNothingLeft();
        // The number is free: its next owner signs up afresh, without the old PIN.
        SignupApi.Account next = api.signUp(ALICE_PHONE);
        assertThat(next.jid()).isEqualTo(alice.jid());
        assertThat(Roster.getInstanceFor(tern.login(ALICE, next.token(), "new")).getEntries()).isEmpty();
    }

    @Test
    void deletingOverXep0077LeavesNothingBehind() throws Exception {
        aliceWithEverything();
        CountDownLatch closed = new CountDownLatch(2);
        AtomicReference<Exception> phoneWhy = ReRegistrationEndToEndTest.closedOnError(alicePhone, closed);
        ReRegistrationEndToEndTest.closedOnError(aliceBrowser, closed);

        AccountManager.getInstance(alicePhone).deleteAccount();

        assertSignedOutAndGone(closed, phoneWhy);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> StoreScan.mentions(tern.data, ALICE, AccountDeletionEndToEndTest::othersHistory).isEmpty());
        assertNothingLeft();
    }
}
