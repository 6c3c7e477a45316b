package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import im.tern.core.Jid;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.iqlast.packet.LastActivity;
import org.jivesoftware.smackx.last_interaction.element.IdleElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0012 "last seen" with Smack's LastActivityManager, and XEP-0319 idle times inside presence. */
class LastActivityEndToEndTest {
    RunningTern tern;
    TestClock clock;
    BareJid aliceJid;

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(Instant.parse("2030-06-01T12:00:00Z"));
        tern = RunningTern.start(cfg -> {}, clock);
        for (String user : List.of("alice", "bob", "carol")) tern.addUser(user, "pw");
        // alice shares her presence with bob (and bob with her); carol is nobody to her
        RosterStore rosters = tern.server.database().store(RosterStore.class);
        rosters.put("alice", new RosterItem(Jid.of("bob@tern.test"), null, Subscription.BOTH, false, Set.of()));
        rosters.put("bob", new RosterItem(Jid.of("alice@tern.test"), null, Subscription.BOTH, false, Set.of()));
        aliceJid = JidCreate.bareFrom("alice@tern.test");
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    @Test
    void contactSeesZeroWhileOnlineThenTimeSinceLogoutWithTheLastStatus() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        LastActivityManager last = LastActivityManager.getInstanceFor(bob);
        assertThat(last.isLastActivitySupported(aliceJid)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> last.getLastActivity(aliceJid).getIdleTime() == 0);

        alice.disconnect(alice.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unavailable)
                .setStatus("Gone fishing").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionsOnServer() == 1
                && "Gone fishing".equals(last.getLastActivity(aliceJid).getStatusMessage()));
        clock.advance(Duration.ofSeconds(903));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            LastActivity activity = last.getLastActivity(aliceJid);
            assertThat(activity.getIdleTime()).isEqualTo(903);
            assertThat(activity.getStatusMessage()).isEqualTo("Gone fishing");
        });
    }

    /** The bound sessions, as the HTTP health endpoint reports them. */
    int sessionsOnServer() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("https://127.0.0.1:" + tern.server.httpPort() + "/health")).build();
        String body = java.net.http.HttpClient.newBuilder().sslContext(TrustAllTls.context()).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("\"sessions\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void strangerIsForbiddenOnceLastSeenIsForContactsOnly() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        XMPPTCPConnection carol = tern.login("carol", "pw", "x");
        assertThat(LastActivityManager.getInstanceFor(carol).getLastActivity(aliceJid).getIdleTime())
                .as("everyone may see last seen by default").isZero();
        RawIq.readResults("privacy", "urn:tern:privacy:0");
        alice.sendIqRequestAndWaitForResponse(new RawIq(org.jivesoftware.smack.packet.IQ.Type.set, "privacy", "urn:tern:privacy:0",
                java.util.Map.of("last-seen", "contacts"), ""));
        XMPPErrorException e = catchThrowableOfType(XMPPErrorException.class,
                () -> LastActivityManager.getInstanceFor(carol).getLastActivity(aliceJid));
        assertThat(e).isNotNull();
        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);
    }

    @Test
    void blockedContactCannotAsk() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        BlockingCommandManager.getInstanceFor(alice).blockContacts(List.of(JidCreate.bareFrom("bob@tern.test")));
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        XMPPErrorException e = catchThrowableOfType(XMPPErrorException.class,
                () -> LastActivityManager.getInstanceFor(bob).getLastActivity(aliceJid));
        assertThat(e).isNotNull();
        assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
    }

    @Test
    void serverAnswersItsUptime() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        LastActivityManager last = LastActivityManager.getInstanceFor(bob);
        long before = last.getLastActivity(JidCreate.domainBareFrom(RunningTern.DOMAIN)).getIdleTime();
        clock.advance(Duration.ofMinutes(10));
        assertThat(last.getLastActivity(JidCreate.domainBareFrom(RunningTern.DOMAIN)).getIdleTime()).isEqualTo(before + 600);
    }

    @Test
    void idleTimeInPresenceReachesContactsUntouched() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> seen.add((Presence) s), StanzaTypeFilter.PRESENCE);
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        Date since = Date.from(Instant.parse("2030-06-01T11:15:00Z"));

        Presence idle = alice.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away)
                .addExtension(new IdleElement(since)).build();
        alice.sendStanza(idle);

        IdleElement received = null;
        for (Presence p; received == null && (p = seen.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (p.getFrom().toString().equals("alice@tern.test/phone")) received = IdleElement.fromPresence(p);
        }
        assertThat(received).isNotNull();
        assertThat(received.getSince()).isEqualTo(since);
    }
}
