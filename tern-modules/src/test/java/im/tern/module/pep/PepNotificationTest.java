package im.tern.module.pep;

import static im.tern.module.pep.PepFixture.DISCO_INFO;
import static im.tern.module.pep.PepFixture.EVENT;
import static im.tern.module.pep.PepFixture.events;
import static im.tern.module.pep.PepFixture.itemIds;
import static im.tern.module.pep.PepFixture.jid;
import static im.tern.module.pep.PepFixture.mood;
import static im.tern.module.pep.PepFixture.publishOptions;
import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who hears of a publish: XEP-0115 interest, the access model, last items on coming online. */
class PepNotificationTest {
    static final String MOOD = PepFixture.MOOD;

    @TempDir
    Path dir;
    PepFixture pep;
    PepAccessRules rules = new PepAccessRules();

    @BeforeEach
    void start() {
        pep = new PepFixture(dir, PepSettings.DEFAULTS, rules);
        pep.sharesPresence("alice", "bob");
        pep.server.account("mallory");
    }

    @AfterEach
    void stop() { pep.close(); }

    @Test
    void contactsAndOwnResourcesThatWantTheNodeAreNotified() {
        TestSession alice = pep.online("alice", "phone", MOOD);
        TestSession aliceDesk = pep.online("alice", "desk");
        TestSession bob = pep.online("bob", "laptop", MOOD);
        TestSession bobWatch = pep.online("bob", "watch");
        TestSession mallory = pep.online("mallory", "pc", MOOD);
        events(alice);
        events(bob);

        pep.publish(alice, MOOD, "m1", mood("sunny"));

        List<Element> toBob = events(bob);
        assertThat(toBob).hasSize(1);
        Element message = toBob.get(0);
        assertThat(message.attr("from")).isEqualTo("alice@example.com");
        assertThat(message.attr("to")).isEqualTo("bob@example.com/laptop");
        assertThat(message.attr("type")).isEqualTo("headline");
        assertThat(itemIds(message)).containsExactly("m1");
        assertThat(message.child("event", EVENT).child("items", EVENT).child("item", EVENT).child("mood", MOOD)).isEqualTo(mood("sunny"));
        assertThat(events(alice)).hasSize(1);
        assertThat(events(aliceDesk)).isEmpty();
        assertThat(events(bobWatch)).isEmpty();
        assertThat(events(mallory)).as("a stranger, for the presence access model").isEmpty();
    }

    @Test
    void openNodesAreRetrievableByStrangersButNotifyOnlyContacts() {
        TestSession alice = pep.online("alice", "phone");
        TestSession mallory = pep.online("mallory", "pc", "eu.siacs.conversations.axolotl.devicelist");
        pep.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", mood("devices"),
                publishOptions("pubsub#access_model", "open"));
        pep.publish(alice, MOOD, "m1", mood("private"));

        assertThat(events(mallory)).isEmpty();
        assertThat(PepFixture.ids(pep.items(mallory, "alice", "eu.siacs.conversations.axolotl.devicelist", 0))).containsExactly("current");
        Element refused = pep.items(mallory, "alice", MOOD, 0);
        assertThat(errorCondition(refused)).isEqualTo("not-authorized");
        assertThat(PepFixture.pubsubCondition(refused)).isEqualTo("presence-subscription-required");
        TestSession bob = pep.online("bob", "laptop");
        assertThat(PepFixture.ids(pep.items(bob, "alice", MOOD, 0))).containsExactly("m1");
    }

    @Test
    void whitelistNodesAreTheOwnersOnly() {
        TestSession alice = pep.online("alice", "phone");
        TestSession bob = pep.online("bob", "laptop", "storage:bookmarks");
        pep.publish(alice, "storage:bookmarks", "current", mood("rooms"), publishOptions("pubsub#access_model", "whitelist"));

        assertThat(events(bob)).isEmpty();
        assertThat(PepFixture.pubsubCondition(pep.items(bob, "alice", "storage:bookmarks", 0))).isEqualTo("closed-node");
        assertThat(PepFixture.ids(pep.items(alice, null, "storage:bookmarks", 0))).containsExactly("current");
    }

    @Test
    void anAccessRuleNarrowsWhoSeesANode() {
        rules.add((owner, node, viewer, contact) -> !node.startsWith("urn:xmpp:avatar:"));
        TestSession alice = pep.online("alice", "phone");
        TestSession bob = pep.online("bob", "laptop", "urn:xmpp:avatar:metadata", MOOD);
        pep.publish(alice, "urn:xmpp:avatar:metadata", "a1", mood("avatar"));
        pep.publish(alice, MOOD, "m1", mood("mood"));

        assertThat(events(bob)).extracting(m -> m.child("event", EVENT).child("items", EVENT).attr("node")).containsExactly(MOOD);
        assertThat(errorCondition(pep.items(bob, "alice", "urn:xmpp:avatar:metadata", 0))).isEqualTo("forbidden");
    }

    @Test
    void aResourceComingOnlineGetsTheLastItemsItWants() {
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("first"));
        pep.publish(alice, MOOD, "m2", mood("second"));
        pep.publish(alice, "urn:xmpp:avatar:metadata", "a1", mood("avatar"));

        TestSession bob = pep.online("bob", "laptop", MOOD);

        List<Element> got = events(bob);
        assertThat(got).hasSize(1);
        assertThat(itemIds(got.get(0))).containsExactly("m2");
        assertThat(got.get(0).child("delay", "urn:xmpp:delay").attr("from")).isEqualTo("alice@example.com");

        TestSession mallory = pep.online("mallory", "pc", MOOD);
        assertThat(events(mallory)).isEmpty();
    }

    @Test
    void startingToWantANodeBringsItsLastItem() {
        TestSession alice = pep.online("alice", "phone");
        TestSession bob = pep.online("bob", "laptop");
        pep.publish(alice, MOOD, "m1", mood("x"));
        assertThat(events(bob)).isEmpty();

        pep.announce(bob, MOOD);

        assertThat(events(bob)).hasSize(1);
        pep.announce(bob, MOOD, "urn:xmpp:avatar:metadata");
        assertThat(events(bob)).as("the mood was already wanted").isEmpty();
    }

    @Test
    void sendLastNeverKeepsTheLastItemForPublishes() {
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"), publishOptions("pubsub#send_last_published_item", "never"));
        TestSession bob = pep.online("bob", "laptop", MOOD);
        assertThat(events(bob)).isEmpty();
    }

    @Test
    void capsAreLearntOnceAndSharedByEveryClientAnnouncingThem() {
        pep.online("bob", "laptop", MOOD);
        TestSession second = pep.server.login("bob", "tablet");
        Element info = PepFixture.discoInfo(MOOD);
        pep.server.send(second, PepFixture.presenceWithCaps(CapsVer.of(info, "sha-1")));
        assertThat(pep.answerCapsQuery(second, info)).as("the server asked again").isFalse();

        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        assertThat(events(second)).hasSize(1);
    }

    @Test
    void theServerAsksTheClientFromItsBareJid() {
        TestSession bob = pep.server.login("bob", "laptop");
        pep.server.send(bob, PepFixture.presenceWithCaps("abc="));
        Element ask = bob.drain(e -> e.name().equals("iq")).get(0);
        assertThat(ask.attr("from")).isEqualTo("bob@example.com");
        assertThat(ask.attr("to")).isEqualTo("bob@example.com/laptop");
        assertThat(ask.child("query", DISCO_INFO).attr("node")).isEqualTo("https://tern.example/client#abc=");
    }

    @Test
    void featuresThatDoNotHashToTheVerServeOnlyTheClientThatGaveThem() {
        TestSession bob = pep.server.login("bob", "laptop");
        pep.server.send(bob, PepFixture.presenceWithCaps("forged="));
        pep.answerCapsQuery(bob, PepFixture.discoInfo(MOOD));
        TestSession tablet = pep.server.login("bob", "tablet");
        pep.server.send(tablet, PepFixture.presenceWithCaps("forged="));
        assertThat(pep.answerCapsQuery(tablet, PepFixture.discoInfo())).as("not cached, so asked again").isTrue();

        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        assertThat(events(bob)).hasSize(1);
        assertThat(events(tablet)).isEmpty();
    }

    @Test
    void goingUnavailableEndsNotifications() {
        TestSession bob = pep.online("bob", "laptop", MOOD);
        pep.server.send(bob, Element.builder("presence", "jabber:client").attr("type", "unavailable").build());
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        assertThat(events(bob)).isEmpty();
    }

    @Test
    void retractionsAreNotified() {
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        TestSession bob = pep.online("bob", "laptop", MOOD);
        events(bob);

        pep.server.iq(alice, "set", null, Element.builder("pubsub", PepFixture.NS).child(Element.builder("retract", PepFixture.NS)
                .attr("node", MOOD).attr("notify", "true").child(Element.builder("item", PepFixture.NS).attr("id", "m1").build()).build()).build());

        List<Element> got = events(bob);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).child("event", EVENT).child("items", EVENT).child("retract", EVENT).attr("id")).isEqualTo("m1");
    }

    @Test
    void deletingANodeIsNotified() {
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        TestSession bob = pep.online("bob", "laptop", MOOD);
        events(bob);

        pep.owner(alice, "set", Element.builder("delete", PepFixture.OWNER).attr("node", MOOD).build());

        assertThat(events(bob)).singleElement().satisfies(m -> assertThat(m.child("event", EVENT).child("delete", EVENT).attr("node")).isEqualTo(MOOD));
    }

    @Test
    void approvingASubscriptionSendsTheNewContactTheLastItems() {
        pep.server.account("carol");
        TestSession carol = pep.online("carol", "phone");
        pep.publish(carol, MOOD, "m1", mood("x"));
        TestSession bob = pep.online("bob", "laptop", MOOD);
        events(bob);

        pep.server.send(bob, Element.builder("presence", "jabber:client").attr("type", "subscribe").attr("to", jid("carol")).build());
        pep.server.send(carol, Element.builder("presence", "jabber:client").attr("type", "subscribed").attr("to", jid("bob")).build());

        assertThat(events(bob)).singleElement().satisfies(m -> assertThat(m.attr("from")).isEqualTo(jid("carol")));
    }

    @Test
    void theAccountAnnouncesPepAndListsTheNodesARequesterMaySee() {
        TestSession alice = pep.online("alice", "phone");
        pep.publish(alice, MOOD, "m1", mood("x"));
        pep.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", mood("d"), publishOptions("pubsub#access_model", "open"));
        TestSession bob = pep.online("bob", "laptop");
        TestSession mallory = pep.online("mallory", "pc");

        Element info = pep.server.iq(bob, "get", jid("alice"), Element.empty("query", DISCO_INFO));
        assertThat(info.child("query", DISCO_INFO).elements("identity", DISCO_INFO))
                .anySatisfy(i -> assertThat(i.attr("category") + "/" + i.attr("type")).isEqualTo("pubsub/pep"));

        assertThat(discoItemNodes(bob)).containsExactlyInAnyOrder(MOOD, "eu.siacs.conversations.axolotl.devicelist");
        assertThat(discoItemNodes(mallory)).containsExactly("eu.siacs.conversations.axolotl.devicelist");

        Element leaf = pep.server.iq(mallory, "get", jid("alice"),
                Element.builder("query", DISCO_INFO).attr("node", "eu.siacs.conversations.axolotl.devicelist").build());
        assertThat(leaf.child("query", DISCO_INFO).child("identity", DISCO_INFO).attr("type")).isEqualTo("leaf");
        assertThat(errorCondition(pep.server.iq(mallory, "get", jid("alice"),
                Element.builder("query", DISCO_INFO).attr("node", MOOD).build()))).isEqualTo("service-unavailable");
    }

    List<String> discoItemNodes(TestSession s) {
        String items = "http://jabber.org/protocol/disco#items";
        Element reply = pep.server.iq(s, "get", jid("alice"), Element.empty("query", items));
        return reply.child("query", items).elements("item", items).stream().map(i -> i.attr("node")).toList();
    }

}
