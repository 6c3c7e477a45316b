package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Profiles and privacy settings as three people who signed up by phone see them: alice sets her name and
 * "about" text and her privacy over HTTPS and XMPP; bob, her contact (and subscribed to her presence), and
 * carol, a stranger, look at her profile over HTTPS, at her vCard, last activity and presence with Smack.
 */
class PrivacyEndToEndTest {
    static final String NS = "urn:tern:privacy:0";

    RunningTern tern;
    TestClock clock;
    SignupApi signup;
    AccountApi api;
    SignupApi.Account alice;
    SignupApi.Account bob;
    SignupApi.Account carol;
    BareJid aliceJid;

    @BeforeAll
    static void providers() {
        RawIq.readResults("privacy", NS);
    }

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.parse("2026-05-01T09:00:00Z"));
        tern = RunningTern.start(cfg -> {}, clock);
        signup = new SignupApi(tern);
        api = new AccountApi(tern);
        alice = signup.signUp("+447400123456");
        bob = signup.signUp("+447400123457");
        carol = signup.signUp("+447400123458");
        aliceJid = JidCreate.bareFrom(alice.jid());
    }

    @AfterEach
    void stop() {
        signup.close();
        tern.close();
    }

    SignupApi.Response privacy(String json) throws Exception {
        SignupApi.Response r = api.put("/v1/privacy", alice, json);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r;
    }

    /** alice and bob subscribe to each other with Smack, as two people adding each other would. */
    void friends(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        Roster.getInstanceFor(a).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        Roster.getInstanceFor(b).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        Roster.getInstanceFor(a).createItemAndRequestSubscription(b.getUser().asBareJid(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> Roster.getInstanceFor(b).getEntry(a.getUser().asBareJid()) != null);
        Roster.getInstanceFor(b).createItemAndRequestSubscription(a.getUser().asBareJid(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> Roster.getInstanceFor(a).getPresence(b.getUser().asBareJid()).isAvailable()
                && Roster.getInstanceFor(b).getPresence(a.getUser().asBareJid()).isAvailable());
    }

    @Test
    void othersSeeTheProfileAsThePrivacySettingsAllowOverHttpsAndInTheVcard() throws Exception {
        XMPPTCPConnection aliceXmpp = tern.login(alice.user(), alice.token(), "phone");
        XMPPTCPConnection bobXmpp = tern.login(bob.user(), bob.token(), "phone");
        XMPPTCPConnection carolXmpp = tern.login(carol.user(), carol.token(), "phone");
        friends(aliceXmpp, bobXmpp);
        SignupApi.Response set = api.put("/v1/profile", alice, "{\"displayName\":\"Alice\",\"about\":\"Climbing 🧗\"}");
        assertThat(set.status()).isEqualTo(200);
        VCard photo = new VCard();
        photo.setAvatar(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
        VCardManager.getInstanceFor(aliceXmpp).saveVCard(photo);

        // Everyone sees everything by default.
        assertThat(api.get("/v1/profile/+447400123456", carol).json().toString()).isEqualTo("{\"jid\":\"447400123456@tern.test\","
                + "\"number\":\"+447400123456\",\"displayName\":\"Alice\",\"about\":\"Climbing 🧗\"}");
        VCard atCarol = VCardManager.getInstanceFor(carolXmpp).loadVCard(aliceJid.asEntityBareJidIfPossible());
        assertThat(atCarol.getNickName()).isEqualTo("Alice");
        assertThat(atCarol.getField("DESC")).isEqualTo("Climbing 🧗");
        assertThat(atCarol.getAvatar()).isNotNull();

        // About and photo for contacts only: bob still sees them, carol no longer.
        privacy("{\"about\":\"contacts\",\"avatar\":\"contacts\"}");
        assertThat(api.get("/v1/profile/" + alice.jid(), bob).json().get("about").asText()).isEqualTo("Climbing 🧗");
        SignupApi.Response stranger = api.get("/v1/profile/+447400123456", carol);
        assertThat(stranger.json().get("displayName").asText()).isEqualTo("Alice");
        assertThat(stranger.json().has("about")).isFalse();
        VCard atBob = VCardManager.getInstanceFor(bobXmpp).loadVCard(aliceJid.asEntityBareJidIfPossible());
        assertThat(atBob.getField("DESC")).isEqualTo("Climbing 🧗");
        assertThat(atBob.getAvatar()).isNotNull();
        atCarol = VCardManager.getInstanceFor(carolXmpp).loadVCard(aliceJid.asEntityBareJidIfPossible());
        assertThat(atCarol.getNickName()).isEqualTo("Alice");
        assertThat(atCarol.getField("DESC")).isNull();
        assertThat(atCarol.getAvatar()).isNull();

        // Nobody: bob neither; alice herself always.
        privacy("{\"about\":\"nobody\"}");
        assertThat(api.get("/v1/profile/+447400123456", bob).json().has("about")).isFalse();
        assertThat(VCardManager.getInstanceFor(bobXmpp).loadVCard(aliceJid.asEntityBareJidIfPossible()).getField("DESC")).isNull();
        assertThat(api.get("/v1/profile", alice).json().get("about").asText()).isEqualTo("Climbing 🧗");
        assertThat(api.get("/v1/profile/+447400123456", alice).json().get("about").asText()).isEqualTo("Climbing 🧗");

        // An unknown number is not found (and counts as a look-up, as discovery does).
        assertThat(api.get("/v1/profile/+447400123459", bob).problem()).isEqualTo("not-found");
    }

    @Test
    void privacySettingsOverXmppAreTheSameAsOverHttps() throws Exception {
        XMPPTCPConnection c = tern.login(alice.user(), alice.token(), "phone");
        assertThat(ServiceDiscoveryManager.getInstanceFor(c).serverSupportsFeature(NS)).isTrue();
        RawIq set = new RawIq(IQ.Type.set, "privacy", NS, Map.of("last-seen", "contacts", "group-add", "nobody"), "");
        var after = ((RawIq) c.sendIqRequestAndWaitForResponse(set)).payload();
        assertThat(after.attr("last-seen")).isEqualTo("contacts");
        assertThat(after.attr("online")).isEqualTo("everyone");

        assertThat(api.get("/v1/privacy", alice).json().toString()).isEqualTo("{\"lastSeen\":\"contacts\",\"online\":\"everyone\","
                + "\"avatar\":\"everyone\",\"about\":\"everyone\",\"groupAdd\":\"nobody\"}");
        privacy("{\"groupAdd\":\"contacts\"}");
        var got = ((RawIq) c.sendIqRequestAndWaitForResponse(new RawIq(IQ.Type.get, "privacy", NS, Map.of(), ""))).payload();
        assertThat(got.attr("group-add")).isEqualTo("contacts");
        assertThat(got.attr("last-seen")).isEqualTo("contacts");

        XMPPErrorException bad = catchThrowableOfType(XMPPErrorException.class, () -> c.sendIqRequestAndWaitForResponse(
                new RawIq(IQ.Type.set, "privacy", NS, Map.of("online", "friends"), "")));
        assertThat(bad.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(api.get("/v1/privacy", alice).json().get("online").asText()).isEqualTo("everyone");
    }

    @Test
    void lastSeenIsForbiddenToWhomTheSettingExcludes() throws Exception {
        XMPPTCPConnection aliceXmpp = tern.login(alice.user(), alice.token(), "phone");
        XMPPTCPConnection bobXmpp = tern.login(bob.user(), bob.token(), "phone");
        XMPPTCPConnection carolXmpp = tern.login(carol.user(), carol.token(), "phone");
        friends(aliceXmpp, bobXmpp);
        aliceXmpp.disconnect();
        LastActivityManager atBob = LastActivityManager.getInstanceFor(bobXmpp);
        LastActivityManager atCarol = LastActivityManager.getInstanceFor(carolXmpp);
        // The server records her leaving a moment after the disconnect: move time on until it shows.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            clock.advance(Duration.ofMinutes(5));
            return atCarol.getLastActivity(aliceJid).getIdleTime() >= 300;
        });

        privacy("{\"lastSeen\":\"contacts\"}");
        assertThat(atBob.getLastActivity(aliceJid).getIdleTime()).isGreaterThanOrEqualTo(300);
        XMPPErrorException e = catchThrowableOfType(XMPPErrorException.class, () -> atCarol.getLastActivity(aliceJid));
        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);

        privacy("{\"lastSeen\":\"nobody\"}");
        e = catchThrowableOfType(XMPPErrorException.class, () -> atBob.getLastActivity(aliceJid));
        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
    }

    @Test
    void aSubscriberWhoMayNotSeeTheAccountOnlineSeesItOffline() throws Exception {
        XMPPTCPConnection aliceXmpp = tern.login(alice.user(), alice.token(), "phone");
        XMPPTCPConnection bobXmpp = tern.login(bob.user(), bob.token(), "phone");
        friends(aliceXmpp, bobXmpp);
        Roster bobRoster = Roster.getInstanceFor(bobXmpp);

        privacy("{\"online\":\"nobody\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !bobRoster.getPresence(aliceJid).isAvailable());
        aliceXmpp.sendStanza(aliceXmpp.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away).build());
        // A later login of bob's probes her: still offline to him. Alice still sees bob.
        XMPPTCPConnection bobLaptop = tern.login(bob.user(), bob.token(), "laptop");
        Roster laptopRoster = Roster.getInstanceFor(bobLaptop);
        laptopRoster.reloadAndWait();
        Thread.sleep(500); // let probe answers and the away presence arrive, if they were to
        assertThat(bobRoster.getPresence(aliceJid).isAvailable()).isFalse();
        assertThat(laptopRoster.getPresence(aliceJid).isAvailable()).isFalse();
        assertThat(Roster.getInstanceFor(aliceXmpp).getPresence(JidCreate.bareFrom(bob.jid())).isAvailable()).isTrue();

        privacy("{\"online\":\"everyone\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getPresence(aliceJid).isAvailable()
                && laptopRoster.getPresence(aliceJid).getMode() == Presence.Mode.away);
    }
}
