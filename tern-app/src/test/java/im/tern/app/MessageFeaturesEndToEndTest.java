package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Corrections (XEP-0308), reactions (XEP-0444) and replies (XEP-0461) between real clients: the server
 * passes them on intact, to a recipient online now and to one who comes back later.
 *
 * <p>While these tests run, the extensions Smack has no class for, and XEP-0428 fallbacks (which Smack
 * reads into an element without their {@code for} attribute and body ranges), are read by
 * {@link GenericExtensionProvider}; the stock providers are put back afterwards.
 */
class MessageFeaturesEndToEndTest {
    static final String REACTIONS = "urn:xmpp:reactions:0";
    static final String REPLY = "urn:xmpp:reply:0";
    static final String FALLBACK = "urn:xmpp:fallback:0";
    static final String HINTS = "urn:xmpp:hints";

    static RunningTern tern;
    static Map<QName, ExtensionElementProvider<ExtensionElement>> stockProviders;

    @BeforeAll
    static void start() throws Exception {
        stockProviders = GenericExtensionProvider.install(new QName(REACTIONS, "reactions"), new QName(REPLY, "reply"),
                new QName(FALLBACK, "fallback"), new QName(HINTS, "store"));
        tern = RunningTern.start();
        for (String user : List.of("alice", "bob", "carol", "dave")) tern.addUser(user, "pw");
    }

    @AfterAll
    static void stop() {
        tern.close();
        GenericExtensionProvider.restore(stockProviders);
    }

    static BlockingQueue<Message> inbox(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE); // sync: in arrival order
        return q;
    }

    static MessageBuilder chat(String to, String id) throws Exception {
        return StanzaBuilder.buildMessage(id).to(JidCreate.from(to)).ofType(Message.Type.chat);
    }

    /** The four messages of a short exchange, from alice to the recipient: text, its correction, a reaction, a reply. */
    static List<Message> conversation(String to) throws Exception {
        Message original = chat(to, "m1").setBody("See you at sex").build();
        Message correction = chat(to, "m2").setBody("See you at six")
                .addExtension(new MessageCorrectExtension("m1")).build();
        Message reaction = chat(to, "m3").addExtension(reactions("m1", "👍", "🐢"))
                .addExtension(StandardExtensionElement.builder("store", HINTS).build()).build();
        Message reply = chat(to, "m4").setBody("> See you at six\nMake it seven?")
                .addExtension(StandardExtensionElement.builder("reply", REPLY)
                        .addAttribute("to", "alice@tern.test/phone").addAttribute("id", "m1").build())
                .addExtension(StandardExtensionElement.builder("fallback", FALLBACK).addAttribute("for", REPLY)
                        .addElement(StandardExtensionElement.builder("body", FALLBACK)
                                .addAttribute("start", "0").addAttribute("end", "17").build())
                        .build())
                .build();
        return List.of(original, correction, reaction, reply);
    }

    static StandardExtensionElement reactions(String id, String... emoji) {
        StandardExtensionElement.Builder b = StandardExtensionElement.builder("reactions", REACTIONS).addAttribute("id", id);
        for (String e : emoji) b.addElement(StandardExtensionElement.builder("reaction", REACTIONS).setText(e).build());
        return b.build();
    }

    static String xml(XmlElement e) {
        return e == null ? null : e.toXML(XmlEnvironment.EMPTY).toString();
    }

    /** Each received message carries what was sent: ids, bodies and every extension, attribute for attribute. */
    static void assertIntact(List<Message> received, List<Message> sent) {
        assertThat(received).extracting(Message::getStanzaId).containsExactlyElementsOf(sent.stream().map(Message::getStanzaId).toList());
        for (int i = 0; i < sent.size(); i++) {
            Message s = sent.get(i);
            Message r = received.get(i);
            assertThat(r.getBody()).as("body of %s", s.getStanzaId()).isEqualTo(s.getBody());
            assertThat(r.getFrom().asBareJid().toString()).isEqualTo("alice@tern.test");
            for (XmlElement ext : s.getExtensions()) {
                if (ext.getElementName().equals("body")) continue;
                XmlElement got = r.getExtension(new QName(ext.getNamespace(), ext.getElementName()));
                assertThat(xml(got)).as("%s in %s", ext.getElementName(), s.getStanzaId()).isEqualTo(xml(ext));
            }
        }
        assertThat(MessageCorrectExtension.from(received.get(1)).getIdInitialMessage()).isEqualTo("m1");
    }

    static List<Message> take(BlockingQueue<Message> inbox, int n) throws InterruptedException {
        List<Message> out = new ArrayList<>();
        while (out.size() < n) {
            Message m = inbox.poll(10, TimeUnit.SECONDS);
            if (m == null) break;
            if (m.getType() == Message.Type.chat) out.add(m);
        }
        return out;
    }

    @Test
    void serverAnnouncesCorrectionsReactionsAndReplies() throws Exception {
        XMPPTCPConnection c = tern.login("carol", "pw", "disco");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(c);
        DiscoverInfo server = disco.discoverInfo(JidCreate.domainBareFrom("tern.test"));
        assertThat(server.containsFeature("urn:xmpp:message-correct:0")).isTrue();
        assertThat(server.containsFeature(REACTIONS)).isTrue();
        assertThat(server.containsFeature(REPLY)).isTrue();
        DiscoverInfo account = disco.discoverInfo(JidCreate.entityBareFrom("carol@tern.test"));
        assertThat(account.containsFeature(REACTIONS)).as("says nothing about carol's clients").isFalse();
    }

    @Test
    void correctionReactionAndReplyReachAnOnlineRecipientIntact() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "phone");
        XMPPTCPConnection bob = tern.login("bob", "pw", "phone");
        BlockingQueue<Message> bobs = inbox(bob);
        PingManager.getInstanceFor(bob).pingMyServer(); // bob's initial presence has been taken

        List<Message> sent = conversation("bob@tern.test");
        for (Message m : sent) alice.sendStanza(m);

        assertIntact(take(bobs, sent.size()), sent);
    }

    /** Needs offline storage (XEP-0160, the offline module): without it the server bounces messages for dave. */
    @Test
    void correctionReactionAndReplyWaitForAnOfflineRecipient() throws Exception {
        XMPPTCPConnection alice = tern.login("alice", "pw", "laptop");
        List<Message> sent = conversation("dave@tern.test");
        for (Message m : sent) alice.sendStanza(m);
        PingManager.getInstanceFor(alice).pingMyServer(); // the server has taken all four

        XMPPTCPConnection dave = tern.connection(tern.config("dave", "pw", "phone").build());
        BlockingQueue<Message> daves = inbox(dave);
        dave.connect().login();

        assertIntact(take(daves, sent.size()), sent);
    }
}
