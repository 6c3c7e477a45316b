package im.tern.app.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.tern.app.RunningTern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** profanity, driven through a terminal as a user would, against a real Tern with Smack on the other end. */
@Timeout(180)
class ProfanityTest {
    @TempDir Path home;
    RunningTern tern;
    Profanity profanity;

    @BeforeEach
    void start() throws Exception {
        profanity = Profanity.start(home);
        tern = RunningTern.start();
        tern.addUser("alice", "alice-pw");
        tern.addUser("bob", "bob-pw");
    }

    @AfterEach
    void stop() {
        try {
            if (profanity != null) profanity.close();
        } finally {
            if (tern != null) tern.close();
        }
    }

    @Test
    void profanityLogsInAndExchangesMessages() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "bob-pw", "smack");
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> inbox.add((Message) s), StanzaTypeFilter.MESSAGE);
        profanity.connect("alice@tern.test", "alice-pw", tern.server.c2sPort());

        profanity.type("/msg bob@tern.test hello from profanity");

        Message m = inbox.poll(20, TimeUnit.SECONDS);
        while (m != null && m.getBody() == null) m = inbox.poll(20, TimeUnit.SECONDS); // chat states only
        assertThat(m).as("message from profanity").isNotNull();
        assertThat(m.getBody()).isEqualTo("hello from profanity");
        assertThat(m.getFrom().asBareJid().toString()).isEqualTo("alice@tern.test");
        assertThat(m.getFrom().getResourceOrEmpty().toString()).startsWith("profanity");

        bob.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("alice@tern.test"))
                .ofType(Message.Type.chat).setBody("hi alice, smack here").build());

        profanity.awaitScreen("bob@tern.test/smack: hi alice, smack here");
    }

    @Test
    void profanitySeesASmackContactOnlineAfterSubscribing() throws Exception {
        XMPPTCPConnection bob = tern.login("bob", "bob-pw", "smack");
        Roster bobRoster = Roster.getInstanceFor(bob);
        bobRoster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        profanity.connect("alice@tern.test", "alice-pw", tern.server.c2sPort());

        profanity.type("/sub request bob@tern.test");

        profanity.awaitScreen("Subscription received from bob@tern.test");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            RosterEntry alice = bobRoster.getEntry(JidCreate.bareFrom("alice@tern.test"));
            assertThat(alice).isNotNull();
            assertThat(alice.getType()).isEqualTo(ItemType.from);
        });
        profanity.type("/who online");
        profanity.awaitScreen("bob@tern.test is online");
        profanity.type("/roster");
        profanity.awaitScreen("bob@tern.test - to");
    }

    @Test
    void profanityUserMayTakeFifteenSecondsToAcceptTheCertificate() throws Exception {
        profanity.connectUntilCertificatePrompt("alice@tern.test", "alice-pw", tern.server.c2sPort());

        Thread.sleep(15_000); // a person reading the certificate; well inside the 30 s allowed to authenticate
        profanity.type("/tls allow");

        profanity.awaitScreen("logged in successfully");
    }
}
