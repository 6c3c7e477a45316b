package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0424 "delete for everyone" between real clients, with the two-day window judged by the server's
 * clock (a {@link TestClock}). Smack 4.5 only knows the old {@code message-retract:0}, so retractions are
 * built and read as generic elements ({@link GenericExtensionProvider}).
 */
class RetractEndToEndTest {
    static final String NS = "urn:xmpp:message-retract:1";

    static Map<QName, ExtensionElementProvider<ExtensionElement>> stockProviders;
    RunningTern tern;
    TestClock clock = new TestClock();
    SentMessages sent;
    XMPPTCPConnection alice;
    XMPPTCPConnection bob;
    BlockingQueue<Message> alices;
    BlockingQueue<Message> bobs;

    @BeforeAll
    static void providers() {
        stockProviders = GenericExtensionProvider.install(new QName(NS, "retract"), new QName("urn:xmpp:fallback:0", "fallback"));
    }

    @AfterAll
    static void restoreProviders() {
        GenericExtensionProvider.restore(stockProviders);
    }

    @BeforeEach
    void start() throws Exception {
        tern = RunningTern.start(cfg -> {}, clock);
        tern.addUser("alice", "pw");
        tern.addUser("bob", "pw");
        sent = new SentMessages(tern, clock);
        alice = tern.login("alice", "pw", "phone");
        bob = tern.login("bob", "pw", "phone");
        alices = inbox(alice);
        bobs = inbox(bob);
        PingManager.getInstanceFor(bob).pingMyServer();
    }

    @AfterEach
    void stop() {
        tern.close();
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    /** Alice writes to bob; bob gets it; both archives hold it. */
    void aliceWritesToBob(String id, String body) throws Exception {
        alice.sendStanza(SentMessages.chat("bob@tern.test", id, body));
        Message got = bobs.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        sent.ensureArchived("alice", "bob", got);
    }

    static Message retraction(String id) throws Exception {
        return StanzaBuilder.buildMessage("retract-" + id).to(JidCreate.from("bob@tern.test")).ofType(Message.Type.chat)
                .addExtension(StandardExtensionElement.builder("retract", NS).addAttribute("id", id).build())
                .addExtension(StandardExtensionElement.builder("fallback", "urn:xmpp:fallback:0").addAttribute("for", NS).build())
                .setBody("/me retracted a previous message, but it's unsupported by your client.")
                .build();
    }

    @Test
    void serverAndAccountsAnnounceRetraction() throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);
        for (DiscoverInfo info : List.of(disco.discoverInfo(JidCreate.domainBareFrom("tern.test")),
                disco.discoverInfo(JidCreate.entityBareFrom("alice@tern.test")))) {
            assertThat(info.containsFeature(NS)).isTrue();
            assertThat(info.containsFeature(NS + "#tombstone")).isTrue();
        }
    }

    @Test
    void retractionWithinTwoDaysReachesBobAndLeavesTombstonesInBothArchives() throws Exception {
        aliceWritesToBob("m1", "that was meant for carol");
        clock.advance(Duration.ofDays(1));

        alice.sendStanza(retraction("m1"));

        Message got = bobs.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        StandardExtensionElement retract = (StandardExtensionElement) got.getExtension(new QName(NS, "retract"));
        assertThat(retract.getAttributeValue("id")).isEqualTo("m1");
        for (String[] copy : new String[][] {{"alice", "bob", "true"}, {"bob", "alice", "false"}}) {
            String xml = sent.copy(copy[0], copy[1], "m1", Boolean.parseBoolean(copy[2])).orElseThrow().xml();
            assertThat(xml).as("%s's copy", copy[0]).doesNotContain("meant for carol").contains("retracted")
                    .contains("retract-m1").contains("origin-id");
        }
        assertThat(alices.poll(200, TimeUnit.MILLISECONDS)).as("no error for alice").isNull();
    }

    @Test
    void aMessageSentWithoutOriginIdIsFoundByItsId() throws Exception {
        // Smack, like many clients, sends no origin-id unless asked: the message's id names it.
        alice.sendStanza(StanzaBuilder.buildMessage("plain-1").to(JidCreate.from("bob@tern.test"))
                .ofType(Message.Type.chat).setBody("wrong chat, sorry").build());
        assertThat(bobs.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(sent.copy("alice", "bob", "plain-1", true)).as("archived under its id").isPresent();

        alice.sendStanza(retraction("plain-1"));

        assertThat(bobs.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(sent.copy("bob", "alice", "plain-1", false).orElseThrow().xml()).doesNotContain("wrong chat").contains("retracted");
    }

    @Test
    void retractionAfterTwoDaysIsRefused() throws Exception {
        aliceWritesToBob("m1", "old news");
        clock.advance(Duration.ofDays(2).plusMinutes(1));

        alice.sendStanza(retraction("m1"));

        Message error = alices.poll(10, TimeUnit.SECONDS);
        assertThat(error).isNotNull();
        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(error.getError().getDescriptiveText()).contains("passed");
        PingManager.getInstanceFor(alice).pingMyServer();
        assertThat(bobs.poll(300, TimeUnit.MILLISECONDS)).as("bob gets no retraction").isNull();
        assertThat(sent.copy("bob", "alice", "m1", false).orElseThrow().xml()).contains("old news");
    }

    @Test
    void retractionOfAMessageTheServerNeverArchivedIsPassedOn() throws Exception {
        alice.sendStanza(retraction("not-archived"));

        Message got = bobs.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        StandardExtensionElement retract = (StandardExtensionElement) got.getExtension(new QName(NS, "retract"));
        assertThat(retract.getAttributeValue("id")).isEqualTo("not-archived");
    }
}
