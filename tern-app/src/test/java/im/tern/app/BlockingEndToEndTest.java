package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.tern.core.Jid;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.blocking.element.BlockedErrorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0191 with Smack's BlockingCommandManager: a blocked contact can neither write nor see the blocker. */
class BlockingEndToEndTest {
    RunningTern tern;
    BareJid aliceJid;
    BareJid bobJid;

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start();
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        RosterStore rosters = tern.server.database().store(RosterStore.class);
        rosters.put("alice", new RosterItem(Jid.of("bob@tern.test"), "Bob", Subscription.BOTH, false, Set.of()));
        rosters.put("bob", new RosterItem(Jid.of("alice@tern.test"), "Alice", Subscription.BOTH, false, Set.of()));
        aliceJid = JidCreate.bareFrom("alice@tern.test");
        bobJid = JidCreate.bareFrom("bob@tern.test");
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    static Message chat(String to, String body) throws Exception {
        return StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    @Test
    void blockedContactCannotWriteNorSeeTheBlockerUntilUnblocked() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        Roster bobRoster = Roster.getInstanceFor(bob);
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getPresence(aliceJid).isAvailable());
        BlockingQueue<Message> aliceInbox = inbox(alice);
        BlockingQueue<Message> bobInbox = inbox(bob);
        BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(alice);
        assertThat(blocking.isSupportedByServer()).isTrue();

        blocking.blockContacts(List.of(bobJid));

        // Smack's list follows the server's push, which may land just after the IQ result.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(blocking.getBlockList()).containsExactly(bobJid));
        await().atMost(Duration.ofSeconds(10)).until(() -> !bobRoster.getPresence(aliceJid).isAvailable());

        bob.sendStanza(chat("alice@tern.test", "are you there?"));
        Message bounce = bobInbox.poll(10, TimeUnit.SECONDS);
        assertThat(bounce).isNotNull();
        assertThat(bounce.getType()).isEqualTo(Message.Type.error);
        assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);

        alice.sendStanza(chat("bob@tern.test", "you won't get this"));
        Message refused = aliceInbox.poll(10, TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(BlockedErrorExtension.isInside(refused)).isTrue();

        // A new presence of alice's does not reach bob either.
        alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().setStatus("busy").build());

        blocking.unblockContacts(List.of(bobJid));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(blocking.getBlockList()).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> bobRoster.getPresence(aliceJid).isAvailable());
        assertThat(bobRoster.getPresence(aliceJid).getStatus()).isEqualTo("busy");
        bob.sendStanza(chat("alice@tern.test", "hello again"));
        Message delivered = aliceInbox.poll(10, TimeUnit.SECONDS);
        assertThat(delivered).isNotNull();
        assertThat(delivered.getBody()).isEqualTo("hello again");
        assertThat(bobInbox).isEmpty();
    }

    @Test
    void blocksArePushedToTheAccountsOtherDevices() throws Exception {
        XMPPTCPConnection phone = tern.login("alice", "pw", "phone");
        XMPPTCPConnection laptop = tern.login("alice", "pw", "laptop");
        BlockingCommandManager onLaptop = BlockingCommandManager.getInstanceFor(laptop);
        assertThat(onLaptop.getBlockList()).isEmpty();
        BlockingQueue<Object> pushes = new LinkedBlockingQueue<>();
        onLaptop.addJidsBlockedListener(pushes::addAll);
        onLaptop.addAllJidsUnblockedListener(() -> pushes.add("all unblocked"));

        BlockingCommandManager.getInstanceFor(phone).blockContacts(List.of(bobJid));
        assertThat(pushes.poll(10, TimeUnit.SECONDS)).isEqualTo(bobJid);
        assertThat(onLaptop.getBlockList()).containsExactly(bobJid);

        BlockingCommandManager.getInstanceFor(phone).unblockAll();
        assertThat(pushes.poll(10, TimeUnit.SECONDS)).isEqualTo("all unblocked");
        assertThat(onLaptop.getBlockList()).isEmpty();
    }

    @Test
    void theBlocklistOutlivesTheSession() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        BlockingCommandManager.getInstanceFor(alice).blockContacts(List.of(bobJid));
        alice.disconnect();

        XMPPTCPConnection again = tern.login("alice", "pw", "phone");
        assertThat(BlockingCommandManager.getInstanceFor(again).getBlockList()).containsExactly(bobJid);
        XMPPTCPConnection bob = tern.login("bob", "pw", "desk");
        BlockingQueue<Message> bobInbox = inbox(bob);
        bob.sendStanza(chat("alice@tern.test/phone", "still?"));
        Message bounce = bobInbox.poll(10, TimeUnit.SECONDS);
        assertThat(bounce).isNotNull();
        assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
    }
}
