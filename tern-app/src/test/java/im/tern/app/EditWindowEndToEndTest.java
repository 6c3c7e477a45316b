package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** A WhatsApp-like 15-minute edit window (messages.editWindowSeconds) on XEP-0308 corrections, with real clients. */
class EditWindowEndToEndTest {
    RunningTern tern;
    TestClock clock = new TestClock();
    SentMessages sent;
    XMPPTCPConnection alice;
    XMPPTCPConnection bob;
    BlockingQueue<Message> alices = new LinkedBlockingQueue<>();
    BlockingQueue<Message> bobs = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start(cfg -> cfg.messages.editWindowSeconds = 900, clock);
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        sent = new SentMessages(tern, clock);
        alice = tern.login("alice", "pw", "phone");
        bob = tern.login("bob", "pw", "phone");
        alice.addSyncStanzaListener(s -> alices.add((Message) s), StanzaTypeFilter.MESSAGE);
        bob.addSyncStanzaListener(s -> bobs.add((Message) s), StanzaTypeFilter.MESSAGE);
        PingManager.getInstanceFor(bob).pingMyServer();
        alice.sendStanza(SentMessages.chat("bob@tern.test", "m1", "See you at sex"));
        Message got = bobs.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        sent.ensureArchived("alice", "bob", got);
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static Message correction() throws Exception {
        return StanzaBuilder.buildMessage("m2").to(JidCreate.from("bob@tern.test")).ofType(Message.Type.chat)
                .setBody("See you at six").addExtension(new MessageCorrectExtension("m1")).build();
    }

    @Test
    void correctionWithinFifteenMinutesReachesBob() throws Exception {
        clock.advance(Duration.ofMinutes(14));

        alice.sendStanza(correction());

        Message got = bobs.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.getBody()).isEqualTo("See you at six");
        assertThat(MessageCorrectExtension.from(got).getIdInitialMessage()).isEqualTo("m1");
    }

    @Test
    void correctionAfterFifteenMinutesIsRefused() throws Exception {
        clock.advance(Duration.ofMinutes(16));

        alice.sendStanza(correction());

        Message error = alices.poll(10, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(error.getError().getDescriptiveText()).contains("editing");
        PingManager.getInstanceFor(alice).pingMyServer();
        assertThat(bobs.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
