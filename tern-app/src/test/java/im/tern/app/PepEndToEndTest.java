package im.tern.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.igniterealtime.smack.inttest.util.IntegrationTestRosterUtil;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mood.Mood;
import org.jivesoftware.smackx.mood.MoodManager;
import org.jivesoftware.smackx.mood.element.MoodElement;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * PEP (XEP-0163) with real Smack clients over real sockets: notifications by XEP-0115 interest and access
 * model, OMEMO's open nodes, publish-options, limits, last items, retractions, and avatars in step with the vCard.
 */
class PepEndToEndTest {
    static final long TIMEOUT = 10_000;
    static RunningTern tern;
    static int users;
    static Map<QName, ExtensionElementProvider<ExtensionElement>> stockProviders;

    @BeforeAll
    static void start() throws Exception {
        stockProviders = PepClient.installProviders();
        tern = RunningTern.start(cfg -> {
            cfg.pep.maxItemsPerNode = 5;
            cfg.pep.maxItemBytes = 4096;
            cfg.pep.maxAvatarBytes = 4096;
        });
    }

    @AfterAll
    static void stop() {
        tern.close();
        GenericExtensionProvider.restore(stockProviders);
    }

    /** A fresh account, logged in. */
    static XMPPTCPConnection user(String name) throws Exception {
        String user = name + (++users);
        tern.addUser(user, "pw");
        return tern.login(user, "pw", "phone");
    }

    static String mood(String text) {
        return "<mood xmlns='http://jabber.org/protocol/mood'><happy/><text>" + text + "</text></mood>";
    }

    static StanzaError.Condition condition(Throwable t) {
        return ((XMPPErrorException) t).getStanzaError().getCondition();
    }

    /** Whether the error carries that XEP-0060 condition beside the stanza error. */
    static boolean hasPubsubCondition(Throwable t, String condition) {
        return ((XMPPErrorException) t).getStanzaError().getExtension(condition, "http://jabber.org/protocol/pubsub#errors") != null;
    }

    @Test
    void aContactWithNotifyGetsTheMoodAndAStrangerDoesNot() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection mallory = user("mallory");
        IntegrationTestRosterUtil.ensureBothAccountsAreSubscribedToEachOther(alice, bob, TIMEOUT);
        BlockingQueue<MoodElement> toBob = new java.util.concurrent.LinkedBlockingQueue<>();
        BlockingQueue<MoodElement> toMallory = new java.util.concurrent.LinkedBlockingQueue<>();
        MoodManager.getInstanceFor(bob).addMoodListener((from, mood, id, message) -> toBob.add(mood));
        MoodManager.getInstanceFor(mallory).addMoodListener((from, mood, id, message) -> toMallory.add(mood));
        PepClient.awaitInterest(bob);
        PepClient.awaitInterest(mallory);

        MoodManager.getInstanceFor(alice).setMood(Mood.happy, "sunny");

        MoodElement got = toBob.poll(TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(got).isNotNull();
        assertThat(got.getMood()).isEqualTo(Mood.happy);
        assertThat(got.getText()).isEqualTo("sunny");
        assertThat(toMallory.poll(500, TimeUnit.MILLISECONDS)).as("mallory is no contact of alice").isNull();
    }

    @Test
    void aStrangerFetchesOpenOmemoNodes() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection mallory = user("mallory");
        Map<String, String> open = Map.of("pubsub#access_model", "open");
        String devices = "<list xmlns='eu.siacs.conversations.axolotl'><device id='4711'/></list>";
        PepClient.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", devices, open);
        PepClient.publish(alice, "eu.siacs.conversations.axolotl.bundles:4711", "current",
                "<bundle xmlns='eu.siacs.conversations.axolotl'><signedPreKeyPublic signedPreKeyId='1'>AAAA</signedPreKeyPublic></bundle>", open);
        Map<String, String> manyItems = Map.of("pubsub#access_model", "open", "pubsub#max_items", "max");
        for (String id : List.of("11", "12", "13")) {
            PepClient.publish(alice, "urn:xmpp:omemo:2:bundles", id, "<bundle xmlns='urn:xmpp:omemo:2'><spk id='" + id + "'>AAAA</spk></bundle>", manyItems);
        }
        PepManager.getInstanceFor(alice).publish("urn:xmpp:tmp:secret", new PayloadItem<>("x", new SimplePayload("<s xmlns='urn:x'>hidden</s>")));

        PubSubManager hers = PubSubManager.getInstanceFor(mallory, alice.getUser().asBareJid());
        List<Item> list = hers.getLeafNode("eu.siacs.conversations.axolotl.devicelist").getItems();
        assertThat(list).singleElement().satisfies(i -> assertThat(i.toXML().toString()).contains("4711"));
        assertThat(hers.getLeafNode("eu.siacs.conversations.axolotl.bundles:4711").getItems()).hasSize(1);
        LeafNode omemo2 = hers.getLeafNode("urn:xmpp:omemo:2:bundles");
        assertThat(omemo2.<Item>getItems(List.of("12"))).extracting(Item::getId).containsExactly("12");
        assertThat(omemo2.<Item>getItems()).extracting(Item::getId).containsExactly("11", "12", "13");
        // Smack's node-type look-up gets service-unavailable (a stranger learns nothing of the node), then items are refused.
        assertThatThrownBy(() -> hers.getLeafNode("urn:xmpp:tmp:secret").getItems())
                .satisfies(t -> assertThat(condition(t)).isEqualTo(StanzaError.Condition.not_authorized));
    }

    @Test
    void publishOptionsThatDoNotHoldAreRefusedAndChangeNothing() throws Exception {
        XMPPTCPConnection alice = user("alice");
        PepClient.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current",
                "<list xmlns='eu.siacs.conversations.axolotl'><device id='1'/></list>", Map.of("pubsub#access_model", "open"));

        assertThatThrownBy(() -> PepClient.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current",
                "<list xmlns='eu.siacs.conversations.axolotl'><device id='2'/></list>", Map.of("pubsub#access_model", "presence")))
                .satisfies(t -> {
                    assertThat(condition(t)).isEqualTo(StanzaError.Condition.conflict);
                    assertThat(hasPubsubCondition(t, "precondition-not-met")).isTrue();
                });
        List<Item> items = PubSubManager.getInstanceFor(alice, null).getLeafNode("eu.siacs.conversations.axolotl.devicelist").getItems();
        assertThat(items).singleElement().satisfies(i -> assertThat(i.toXML().toString()).contains("id='1'").doesNotContain("id='2'"));
    }

    @Test
    void nodesKeepNoMoreItemsThanTheLimitAndPayloadsAreBounded() throws Exception {
        XMPPTCPConnection alice = user("alice");
        for (int i = 1; i <= 7; i++) {
            PepClient.publish(alice, "urn:xmpp:omemo:2:bundles", "b" + i, "<bundle xmlns='urn:xmpp:omemo:2'/>", Map.of("pubsub#max_items", "max"));
        }
        LeafNode node = PubSubManager.getInstanceFor(alice, null).getLeafNode("urn:xmpp:omemo:2:bundles");
        assertThat(node.<Item>getItems()).extracting(Item::getId).containsExactly("b3", "b4", "b5", "b6", "b7");

        assertThatThrownBy(() -> PepClient.publish(alice, "urn:xmpp:omemo:2:devices", "current", "<devices xmlns='urn:xmpp:omemo:2'/>",
                Map.of("pubsub#max_items", "6")))
                .satisfies(t -> {
                    assertThat(condition(t)).isEqualTo(StanzaError.Condition.policy_violation);
                    assertThat(hasPubsubCondition(t, "max-items-exceeded")).isTrue();
                });
        assertThatThrownBy(() -> PepClient.publish(alice, "urn:xmpp:omemo:2:devices", "current",
                "<devices xmlns='urn:xmpp:omemo:2'>" + "A".repeat(5000) + "</devices>", Map.of()))
                .satisfies(t -> {
                    assertThat(condition(t)).isEqualTo(StanzaError.Condition.not_acceptable);
                    assertThat(hasPubsubCondition(t, "payload-too-big")).isTrue();
                });
    }

    @Test
    void aContactComingOnlineGetsTheLastItem() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        IntegrationTestRosterUtil.ensureBothAccountsAreSubscribedToEachOther(alice, bob, TIMEOUT);
        PepManager.getInstanceFor(alice).publish("urn:xmpp:tmp:status", new PayloadItem<>("s1", new SimplePayload("<status xmlns='urn:x'>first</status>")));
        PepManager.getInstanceFor(alice).publish("urn:xmpp:tmp:status", new PayloadItem<>("s2", new SimplePayload("<status xmlns='urn:x'>second</status>")));
        String bobName = bob.getUser().getLocalpart().toString();

        // A second device of bob's, its interest declared before it logs in: its first presence carries it.
        XMPPTCPConnection tablet = tern.connection(tern.config(bobName, "pw", "tablet").build());
        BlockingQueue<String> got = PepClient.listen(tablet, "urn:xmpp:tmp:status");
        tablet.connect().login();

        String first = got.poll(TIMEOUT, TimeUnit.MILLISECONDS);
        assertThat(first).isNotNull().contains(" s2 ").contains("second");
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("only the last item").isNull();
    }

    @Test
    void retractionsReachContacts() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        IntegrationTestRosterUtil.ensureBothAccountsAreSubscribedToEachOther(alice, bob, TIMEOUT);
        BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(s -> events.add(s.toXML().toString()),
                s -> s.toXML().toString().contains("http://jabber.org/protocol/pubsub#event"));
        PepClient.awaitInterest(bob, "urn:xmpp:tmp:note");
        LeafNode node = PepManager.getInstanceFor(alice).publish("urn:xmpp:tmp:note",
                new PayloadItem<>("n1", new SimplePayload("<note xmlns='urn:x'>hi</note>")));
        awaitEvent(events, "n1");

        node.deleteItem("n1");

        String retraction = awaitEvent(events, "retract");
        assertThat(retraction).contains("n1").contains(alice.getUser().asBareJid().toString());
    }

    static String awaitEvent(BlockingQueue<String> events, String containing) throws InterruptedException {
        for (String e; (e = events.poll(TIMEOUT, TimeUnit.MILLISECONDS)) != null; ) {
            if (e.contains(containing)) return e;
        }
        throw new AssertionError("no event with " + containing);
    }

    static byte[] image(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 42);
        b[0] = (byte) 0x89;
        b[1] = 'P';
        b[2] = 'N';
        b[3] = 'G';
        return b;
    }

    static String sha1(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(b));
    }

    @Test
    void aPepAvatarIsTheVcardPhotoAndAVcardPhotoIsThePepAvatar() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        IntegrationTestRosterUtil.ensureBothAccountsAreSubscribedToEachOther(alice, bob, TIMEOUT);

        // XEP-0084 from alice's client, seen by bob as a vCard photo (XEP-0153 clients read it there).
        byte[] hers = image(300);
        String id = sha1(hers);
        BlockingQueue<String> presences = new java.util.concurrent.LinkedBlockingQueue<>();
        bob.addAsyncStanzaListener(p -> presences.add(p.toXML().toString()),
                p -> p instanceof org.jivesoftware.smack.packet.Presence && alice.getUser().equals(p.getFrom()));
        PepManager pep = PepManager.getInstanceFor(alice);
        pep.publish("urn:xmpp:avatar:data", new PayloadItem<>(id, new SimplePayload(
                "<data xmlns='urn:xmpp:avatar:data'>" + Base64.getEncoder().encodeToString(hers) + "</data>")));
        pep.publish("urn:xmpp:avatar:metadata", new PayloadItem<>(id, new SimplePayload(
                "<metadata xmlns='urn:xmpp:avatar:metadata'><info bytes='300' id='" + id + "' type='image/png'/></metadata>")));
        VCard seen = awaitVcardAvatar(bob, alice, hers);
        assertThat(seen.getAvatarMimeType()).isEqualTo("image/png");
        // Her presence goes out again, carrying the XEP-0153 hash her client never wrote.
        assertThat(awaitEvent(presences, "vcard-temp:x:update")).contains("<photo>" + id + "</photo>");

        // A vCard photo from bob's legacy client, seen by alice over PEP.
        byte[] his = image(500);
        VCard card = new VCard();
        card.setNickName("Bob");
        card.setAvatar(his, "image/png");
        VCardManager.getInstanceFor(bob).saveVCard(card);
        LeafNode metadata = PubSubManager.getInstanceFor(alice, bob.getUser().asBareJid()).getLeafNode("urn:xmpp:avatar:metadata");
        assertThat(metadata.<Item>getItems()).singleElement().satisfies(i -> {
            assertThat(i.getId()).isEqualTo(sha1(his));
            assertThat(i.toXML().toString()).contains("bytes='500'").contains("image/png");
        });
        LeafNode data = PubSubManager.getInstanceFor(alice, bob.getUser().asBareJid()).getLeafNode("urn:xmpp:avatar:data");
        String xml = data.<Item>getItems(List.of(sha1(his))).get(0).toXML().toString();
        assertThat(xml).contains(Base64.getEncoder().encodeToString(his));
    }

    @Test
    void whoSeesMyPhotoNarrowsTheAvatarNodes() throws Exception {
        XMPPTCPConnection alice = user("alice");
        XMPPTCPConnection bob = user("bob");
        XMPPTCPConnection mallory = user("mallory");
        IntegrationTestRosterUtil.ensureBothAccountsAreSubscribedToEachOther(alice, bob, TIMEOUT);
        VCard card = new VCard();
        card.setAvatar(image(200), "image/png"); // the vCard photo becomes open avatar nodes
        VCardManager.getInstanceFor(alice).saveVCard(card);
        String metadata = "urn:xmpp:avatar:metadata";
        assertThat(PubSubManager.getInstanceFor(mallory, alice.getUser().asBareJid()).getLeafNode(metadata).<Item>getItems())
                .as("everyone sees it by default").hasSize(1);

        RawIq.readResults("privacy", "urn:tern:privacy:0");
        alice.sendIqRequestAndWaitForResponse(new RawIq(IQ.Type.set, "privacy", "urn:tern:privacy:0", Map.of("avatar", "contacts"), ""));

        assertThat(PubSubManager.getInstanceFor(bob, alice.getUser().asBareJid()).getLeafNode(metadata).<Item>getItems())
                .as("a contact still sees it").hasSize(1);
        assertThatThrownBy(() -> PubSubManager.getInstanceFor(mallory, alice.getUser().asBareJid()).getLeafNode(metadata).getItems())
                .as("a stranger no longer does").isInstanceOf(XMPPErrorException.class);
    }

    @Test
    void avatarsOverTheLimitAreRefused() throws Exception {
        XMPPTCPConnection alice = user("alice");
        byte[] big = image(5000);
        String id = sha1(big);
        assertThatThrownBy(() -> PepManager.getInstanceFor(alice).publish("urn:xmpp:avatar:data", new PayloadItem<>(id,
                new SimplePayload("<data xmlns='urn:xmpp:avatar:data'>" + Base64.getEncoder().encodeToString(big) + "</data>"))))
                .satisfies(t -> assertThat(hasPubsubCondition(t, "payload-too-big")).isTrue());

        VCard card = new VCard();
        card.setAvatar(big, "image/png");
        VCardManager.getInstanceFor(alice).saveVCard(card);
        assertThatThrownBy(() -> PubSubManager.getInstanceFor(alice, null).getLeafNode("urn:xmpp:avatar:metadata").getItems())
                .satisfies(t -> assertThat(condition(t)).isEqualTo(StanzaError.Condition.item_not_found));
    }

    static VCard awaitVcardAvatar(XMPPTCPConnection reader, XMPPTCPConnection owner, byte[] expected) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT;
        while (true) {
            VCard v = VCardManager.getInstanceFor(reader).loadVCard(JidCreate.entityBareFrom(owner.getUser().asBareJid()));
            if (v.getAvatar() != null && Arrays.equals(v.getAvatar(), expected)) return v;
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the vCard never showed the avatar");
            Thread.sleep(50);
        }
    }
}
