package im.tern.app;

import static im.tern.app.Traffic.chat;
import static im.tern.app.Traffic.loginWithInbox;
import static im.tern.app.Traffic.quietFor;
import static im.tern.app.Traffic.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.XmlElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0313 message archive and XEP-0359 stanza ids with real clients: paging, filters, sync, disappearing messages. */
class ArchiveEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    static RunningTern tern;

    @BeforeAll
    static void start() throws Exception {
        // Smack's generic provider trips an assertion on an unknown element that declares its namespace;
        // a provider of its own for <ephemeral/> keeps the client reading.
        ProviderManager.addExtensionProvider("ephemeral", "urn:xmpp:ephemeral:0", new ExtensionElementProvider<StandardExtensionElement>() {
            @Override
            public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment env) {
                return ephemeral(Integer.parseInt(parser.getAttributeValue("", "timer")));
            }
        });
        tern = RunningTern.start(cfg -> {}, clock);
        for (String u : List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "hank")) tern.addUser(u, "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
    }

    static void sendAll(XMPPTCPConnection from, List<Message> messages) throws Exception {
        for (Message m : messages) from.sendStanza(m);
        assertThat(PingManager.getInstanceFor(from).pingMyServer(true)).isTrue();
    }

    static List<Message> numbered(String to, int from, int until) {
        return IntStream.range(from, until).mapToObj(i -> {
            try {
                return chat(to, "m" + i);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    static List<String> bodies(int from, int until) {
        return IntStream.range(from, until).mapToObj(i -> "m" + i).toList();
    }

    static StandardExtensionElement ephemeral(int seconds) {
        return StandardExtensionElement.builder("ephemeral", "urn:xmpp:ephemeral:0").addAttribute("timer", Integer.toString(seconds)).build();
    }

    @Test
    void pagesThroughOneHundredTwentyMessagesForwardsAndBackwardsWithFilters() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        Instant first = clock.instant();
        sendAll(alice, numbered("bob@tern.test", 0, 60));
        clock.advance(Duration.ofHours(1));
        Instant second = clock.instant();
        sendAll(alice, numbered("bob@tern.test", 60, 120));
        XMPPTCPConnection carol = tern.login("carol", "pw", "phone");
        sendAll(carol, List.of(chat("bob@tern.test", "from carol")));

        XMPPTCPConnection bob = tern.login("bob", "pw", "phone");
        MamManager mam = MamManager.getInstanceFor(bob);
        assertThat(mam.isSupported()).isTrue();
        MamQueryArgs fromAlice = MamQueryArgs.builder().limitResultsToJid(JidCreate.from("alice@tern.test")).setResultPageSizeTo(50).build();

        MamQuery forwards = mam.queryArchive(fromAlice);
        assertThat(bodies(forwards.getMessages())).isEqualTo(bodies(0, 50));
        assertThat(forwards.isComplete()).isFalse();
        assertThat(forwards.getPage().getMamFinIq().getRSMSet().getCount()).isEqualTo(120);
        assertThat(bodies(forwards.pageNext(50))).isEqualTo(bodies(50, 100));
        assertThat(forwards.isComplete()).isFalse();
        assertThat(bodies(forwards.pageNext(50))).isEqualTo(bodies(100, 120));
        assertThat(forwards.isComplete()).isTrue();

        MamQuery backwards = mam.queryArchive(MamQueryArgs.builder().limitResultsToJid(JidCreate.from("alice@tern.test"))
                .setResultPageSizeTo(50).queryLastPage().build());
        assertThat(bodies(backwards.getMessages())).isEqualTo(bodies(70, 120));
        assertThat(backwards.isComplete()).isFalse();
        assertThat(bodies(backwards.pagePrevious(50))).isEqualTo(bodies(20, 70));
        assertThat(bodies(backwards.pagePrevious(50))).isEqualTo(bodies(0, 20));
        assertThat(backwards.isComplete()).isTrue();

        MamQuery everything = mam.queryArchive(MamQueryArgs.builder().setResultPageSizeTo(250).build());
        assertThat(everything.getMessageCount()).isEqualTo(121);
        assertThat(everything.isComplete()).isTrue();
        assertThat(everything.getPage().getForwarded()).allSatisfy(f -> assertThat(f.getDelayInformation()).isNotNull());

        MamQuery withCarol = mam.queryArchive(MamQueryArgs.builder().limitResultsToJid(JidCreate.from("carol@tern.test")).build());
        assertThat(bodies(withCarol.getMessages())).containsExactly("from carol");

        MamQuery sinceSecond = mam.queryArchive(MamQueryArgs.builder().limitResultsSince(Date.from(second))
                .limitResultsToJid(JidCreate.from("alice@tern.test")).setResultPageSizeTo(250).build());
        assertThat(bodies(sinceSecond.getMessages())).isEqualTo(bodies(60, 120));
        MamQuery beforeSecond = mam.queryArchive(MamQueryArgs.builder().limitResultsBefore(Date.from(first.plusSeconds(60)))
                .setResultPageSizeTo(250).build());
        assertThat(bodies(beforeSecond.getMessages())).isEqualTo(bodies(0, 60));

        assertThatThrownBy(() -> mam.queryArchive(MamQueryArgs.builder().afterUid("no-such-id").build()))
                .isInstanceOfSatisfying(XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found));
    }

    @Test
    void theRecipientSeesTheArchiveIdAndTheSendersForgedOneIsRemoved() throws Exception {
        XMPPTCPConnection dave = tern.login("dave", "pw", "phone");
        Traffic.Logged erin = loginWithInbox(tern, "erin", "phone");
        dave.sendStanza(chat("erin@tern.test", "trust me", new StanzaIdElement("forged-id", "erin@tern.test")));

        Message got = take(erin.inbox(), 1, WAIT).get(0);
        List<XmlElement> ids = got.getExtensions(StanzaIdElement.ELEMENT, StanzaIdElement.NAMESPACE);
        assertThat(ids).hasSize(1);
        StanzaIdElement id = (StanzaIdElement) ids.get(0);
        assertThat(id.getBy()).isEqualTo("erin@tern.test");
        assertThat(id.getId()).isNotEqualTo("forged-id");

        MamQuery archived = Traffic.archive(erin.connection()).queryArchive(MamQueryArgs.builder().build());
        assertThat(archived.getMamResultExtensions()).singleElement().satisfies(r -> assertThat(r.getId()).isEqualTo(id.getId()));
        assertThat(archived.getMessages().get(0).getExtensions(StanzaIdElement.ELEMENT, StanzaIdElement.NAMESPACE)).isEmpty();
        // The sender's own copy has an id of its own, and the sender is never told the recipient's.
        MamQuery sent = Traffic.archive(dave).queryArchive(MamQueryArgs.builder().build());
        assertThat(sent.getMamResultExtensions()).singleElement().satisfies(r -> assertThat(r.getId()).isNotEqualTo(id.getId()));
    }

    @Test
    void aNewlyLoggedInSecondDeviceSyncsTheHistory() throws Exception {
        Traffic.Logged frankPhone = loginWithInbox(tern, "frank", "phone");
        Traffic.Logged gina = loginWithInbox(tern, "gina", "phone");
        for (int i = 0; i < 3; i++) {
            gina.connection().sendStanza(chat("frank@tern.test", "gina " + i));
            take(frankPhone.inbox(), 1, WAIT);
            frankPhone.connection().sendStanza(chat("gina@tern.test", "frank " + i));
            take(gina.inbox(), 1, WAIT);
        }

        XMPPTCPConnection tablet = tern.login("frank", "pw", "tablet");
        MamQuery history = Traffic.archive(tablet).queryArchive(MamQueryArgs.builder().queryLastPage().setResultPageSizeTo(50).build());
        assertThat(bodies(history.getMessages())).containsExactly("gina 0", "frank 0", "gina 1", "frank 1", "gina 2", "frank 2");
        assertThat(history.getMessages().get(1).getFrom().toString()).isEqualTo("frank@tern.test/phone");
        assertThat(history.getMessages().get(0).getFrom().toString()).isEqualTo("gina@tern.test/phone");
        assertThat(history.isComplete()).isTrue();
    }

    @Test
    void aDisappearingMessageLeavesTheArchiveAndOfflineStorageWhenItsTimerRunsOut() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "disappearing");
        Traffic.Logged carol = loginWithInbox(tern, "carol", "disappearing");
        alice.sendStanza(chat("carol@tern.test", "gone in a minute", ephemeral(60)));
        take(carol.inbox(), 1, WAIT);
        sendAll(alice, List.of(chat("hank@tern.test", "also gone", ephemeral(60))));

        MamManager carolArchive = Traffic.archive(carol.connection());
        MamQueryArgs withAlice = MamQueryArgs.builder().limitResultsToJid(JidCreate.from("alice@tern.test")).queryLastPage().build();
        assertThat(bodies(carolArchive.queryArchive(withAlice).getMessages())).contains("gone in a minute");

        clock.advance(Duration.ofSeconds(61));

        assertThat(bodies(carolArchive.queryArchive(withAlice).getMessages())).doesNotContain("gone in a minute");
        assertThat(bodies(Traffic.archive(alice).queryArchive(MamQueryArgs.builder().queryLastPage().build()).getMessages()))
                .doesNotContain("gone in a minute", "also gone");
        sendAll(alice, List.of(chat("hank@tern.test", "still here")));
        Traffic.Logged hank = loginWithInbox(tern, "hank", "phone");
        assertThat(bodies(take(hank.inbox(), 1, WAIT))).containsExactly("still here");
        assertThat(quietFor(hank.inbox(), Duration.ofMillis(300))).isEmpty();
    }
}
