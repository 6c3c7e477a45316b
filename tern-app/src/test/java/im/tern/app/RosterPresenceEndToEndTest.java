package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** RFC 6121 rosters and presence, driven by Smack's roster API the way a chat client uses it. */
class RosterPresenceEndToEndTest {
    RunningTern tern;

    @BeforeEach
    void start() throws Exception {
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.accept_all);
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static BareJid jid(String s) throws Exception {
        return JidCreate.bareFrom(s);
    }

    @Test
    void mutualSubscriptionEndsInBothAndEachSeesTheOtherOnline() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "a");
        XMPPTCPConnection bob = tern.login("bob", "pw", "b");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        Roster bobRoster = Roster.getInstanceFor(bob);

        aliceRoster.createItemAndRequestSubscription(jid("bob@tern.test"), "Bob", new String[] {"Friends"});
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getEntry(jid("alice@tern.test")) != null);
        bobRoster.createItemAndRequestSubscription(jid("alice@tern.test"), "Alice", null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RosterEntry e = aliceRoster.getEntry(jid("bob@tern.test"));
            assertThat(e).isNotNull();
            assertThat(e.getType()).isEqualTo(ItemType.both);
            assertThat(e.getName()).isEqualTo("Bob");
            assertThat(e.getGroups()).extracting(g -> g.getName()).containsExactly("Friends");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aliceRoster.getPresence(jid("bob@tern.test")).isAvailable()).isTrue();
            assertThat(bobRoster.getPresence(jid("alice@tern.test")).isAvailable()).isTrue();
        });
    }

    @Test
    void contactGoingOfflineIsSeenAsUnavailable() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "a");
        XMPPTCPConnection bob = tern.login("bob", "pw", "b");
        Roster aliceRoster = Roster.getInstanceFor(alice);
        aliceRoster.createItemAndRequestSubscription(jid("bob@tern.test"), "Bob", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> aliceRoster.getPresence(jid("bob@tern.test")).isAvailable());

        bob.disconnect();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !aliceRoster.getPresence(jid("bob@tern.test")).isAvailable());
    }

    @Test
    void rosterChangeIsPushedToTheUsersOtherDevice() throws Exception {
        XMPPTCPConnection phone = tern.login("alice", "pw", "phone");
        XMPPTCPConnection desk = tern.login("alice", "pw", "desk");
        Roster deskRoster = Roster.getInstanceFor(desk);
        deskRoster.reloadAndWait();

        Roster.getInstanceFor(phone).createItem(jid("bob@tern.test"), "Bobby", null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RosterEntry e = deskRoster.getEntry(jid("bob@tern.test"));
            assertThat(e).isNotNull();
            assertThat(e.getName()).isEqualTo("Bobby");
        });
    }

    @Test
    void rosterSurvivesAServerRestart() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "a");
        Roster.getInstanceFor(alice).createItem(jid("bob@tern.test"), "Bob", null);
        alice.disconnect();

        tern.close();
        tern = RunningTern.restartOn(tern.data);

        XMPPTCPConnection again = tern.login("alice", "pw", "a");
        Roster r = Roster.getInstanceFor(again);
        r.reloadAndWait();
        assertThat(r.getEntry(jid("bob@tern.test"))).isNotNull();
    }

    @Test
    void directedPresenceReachesANonContact() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "a");
        XMPPTCPConnection bob = tern.login("bob", "pw", "b");
        java.util.concurrent.BlockingQueue<Presence> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> seen.add((Presence) s), org.jivesoftware.smack.filter.StanzaTypeFilter.PRESENCE);

        alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().to(JidCreate.from("bob@tern.test/b"))
                .setStatus("just for you").build());

        Presence p = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        while (p != null && !"just for you".equals(p.getStatus())) p = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(p).isNotNull();
        assertThat(p.getFrom().toString()).isEqualTo("alice@tern.test/a");
    }
}
