package im.tern.module.pep;

import static im.tern.module.pep.PepFixture.NS;
import static im.tern.module.pep.PepFixture.ids;
import static im.tern.module.pep.PepFixture.mood;
import static im.tern.module.pep.PepFixture.publishOptions;
import static im.tern.module.pep.PepFixture.pubsubCondition;
import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.testing.TestSession;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, retrieval, publish-options, limits and the owner's requests on one account's PEP service. */
class PepPublishingTest {
    static final String MOOD = PepFixture.MOOD;
    static final PepSettings SMALL = new PepSettings(512, 3, 4, 1024, 100);

    @TempDir
    Path dir;
    PepFixture pep;
    TestSession alice;

    @BeforeEach
    void start() {
        pep = new PepFixture(dir, SMALL, new PepAccessRules());
        alice = pep.server.login("alice", "phone");
    }

    @AfterEach
    void stop() { pep.close(); }

    @Test
    void accountsAndServerAnnouncePepFeatures() {
        assertThat(pep.server.disco().accountFeatures()).contains(NS, NS + "#publish", NS + "#auto-create",
                NS + "#publish-options", NS + "#filtered-notifications", NS + "#auto-subscribe", NS + "#access-open");
        assertThat(pep.server.disco().serverFeatures()).contains(NS, NS + "#publish-options");
    }

    @Test
    void firstPublishCreatesTheNodeAndTheItemReadsBack() {
        Element reply = pep.publish(alice, MOOD, "m1", mood("sunny"));

        assertThat(reply.attr("type")).as(reply.toXml()).isEqualTo("result");
        assertThat(reply.child("pubsub", NS).child("publish", NS).child("item", NS).attr("id")).isEqualTo("m1");
        Element items = pep.items(alice, null, MOOD, 0);
        assertThat(ids(items)).containsExactly("m1");
        assertThat(items.child("pubsub", NS).child("items", NS).child("item", NS).child("mood", MOOD)).isEqualTo(mood("sunny"));
    }

    @Test
    void anItemWithoutIdGetsOne() {
        Element reply = pep.publish(alice, MOOD, null, mood("x"));
        String id = reply.child("pubsub", NS).child("publish", NS).child("item", NS).attr("id");
        assertThat(id).isNotBlank();
        assertThat(ids(pep.items(alice, null, MOOD, 0))).containsExactly(id);
    }

    @Test
    void aNodeKeepsOneItemByDefaultAndMaxItemsKeepsMore() {
        pep.publish(alice, MOOD, "a", mood("a"));
        pep.publish(alice, MOOD, "b", mood("b"));
        assertThat(ids(pep.items(alice, null, MOOD, 0))).containsExactly("b");

        Element options = publishOptions("pubsub#max_items", "max");
        for (String id : List.of("1", "2", "3", "4")) pep.publish(alice, "urn:xmpp:omemo:2:bundles", id, mood(id), options);
        // max is this server's limit, 3
        assertThat(ids(pep.items(alice, null, "urn:xmpp:omemo:2:bundles", 0))).containsExactly("2", "3", "4");
        assertThat(ids(pep.items(alice, null, "urn:xmpp:omemo:2:bundles", 2))).containsExactly("3", "4");
        assertThat(ids(pep.items(alice, null, "urn:xmpp:omemo:2:bundles", 0, "4", "2"))).containsExactly("2", "4");
    }

    @Test
    void missingNodesAndItemsAreItemNotFound() {
        assertThat(errorCondition(pep.items(alice, null, "nothing", 0))).isEqualTo("item-not-found");
        pep.publish(alice, MOOD, "a", mood("a"));
        assertThat(errorCondition(pep.items(alice, null, MOOD, 0, "zzz"))).isEqualTo("item-not-found");
    }

    @Test
    void publishOptionsConfigureANewNodeAndMustHoldOnAnExistingOne() {
        Element open = publishOptions("pubsub#access_model", "open");
        assertThat(pep.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", mood("d"), open).attr("type")).isEqualTo("result");
        assertThat(pep.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", mood("d2"), open).attr("type")).isEqualTo("result");

        Element presence = publishOptions("pubsub#access_model", "presence");
        Element refused = pep.publish(alice, "eu.siacs.conversations.axolotl.devicelist", "current", mood("d3"), presence);

        assertThat(errorCondition(refused)).isEqualTo("conflict");
        assertThat(pubsubCondition(refused)).isEqualTo("precondition-not-met");
        assertThat(pep.items(alice, null, "eu.siacs.conversations.axolotl.devicelist", 0).toXml()).contains("d2").doesNotContain("d3");
    }

    @Test
    void unsupportedPublishOptionsAreUnmetPreconditions() {
        Element reply = pep.publish(alice, MOOD, "a", mood("a"), publishOptions("pubsub#frobnicate", "1"));
        assertThat(pubsubCondition(reply)).isEqualTo("precondition-not-met");
        Element authorize = pep.publish(alice, MOOD, "a", mood("a"), publishOptions("pubsub#access_model", "authorize"));
        assertThat(pubsubCondition(authorize)).isEqualTo("precondition-not-met");
        assertThat(errorCondition(pep.items(alice, null, MOOD, 0))).isEqualTo("item-not-found");
    }

    @Test
    void payloadsOverTheLimitAreRefusedAndNothingIsStored() {
        Element reply = pep.publish(alice, MOOD, "big", mood("x".repeat(600)));

        assertThat(errorCondition(reply)).isEqualTo("not-acceptable");
        assertThat(pubsubCondition(reply)).isEqualTo("payload-too-big");
        assertThat(errorCondition(pep.items(alice, null, MOOD, 0))).isEqualTo("item-not-found");
    }

    @Test
    void maxItemsOverTheLimitIsAPolicyViolation() {
        Element reply = pep.publish(alice, MOOD, "a", mood("a"), publishOptions("pubsub#max_items", "50"));
        assertThat(errorCondition(reply)).isEqualTo("policy-violation");
        assertThat(pubsubCondition(reply)).isEqualTo("max-items-exceeded");
    }

    @Test
    void oneNodeMoreThanTheLimitIsRefused() {
        for (int i = 0; i < 4; i++) assertThat(pep.publish(alice, "node" + i, "a", mood("a")).attr("type")).isEqualTo("result");

        Element reply = pep.publish(alice, "node4", "a", mood("a"));

        assertThat(errorCondition(reply)).isEqualTo("resource-constraint");
        assertThat(pubsubCondition(reply)).isEqualTo("max-nodes-exceeded");
        assertThat(pep.publish(alice, "node0", "b", mood("b")).attr("type")).isEqualTo("result");
    }

    @Test
    void malformedPublishesAreBadRequests() {
        Element noItem = pep.server.iq(alice, "set", null, Element.builder("pubsub", NS)
                .child(Element.builder("publish", NS).attr("node", MOOD).build()).build());
        assertThat(errorCondition(noItem)).isEqualTo("bad-request");
        assertThat(pubsubCondition(noItem)).isEqualTo("item-required");

        Element twoPayloads = pep.server.iq(alice, "set", null, Element.builder("pubsub", NS).child(Element.builder("publish", NS)
                .attr("node", MOOD).child(Element.builder("item", NS).child(mood("a")).child(mood("b")).build()).build()).build());
        assertThat(pubsubCondition(twoPayloads)).isEqualTo("invalid-payload");

        Element noNode = pep.server.iq(alice, "set", null, Element.builder("pubsub", NS)
                .child(Element.builder("publish", NS).child(PepFixture.item("a", mood("a"))).build()).build());
        assertThat(pubsubCondition(noNode)).isEqualTo("nodeid-required");
    }

    @Test
    void nobodyPublishesToAnotherAccount() {
        TestSession bob = pep.server.login("bob", "laptop");
        Element reply = pep.server.iq(bob, "set", PepFixture.jid("alice"), Element.builder("pubsub", NS).child(
                Element.builder("publish", NS).attr("node", MOOD).child(PepFixture.item("x", mood("forged"))).build()).build());
        assertThat(errorCondition(reply)).isEqualTo("forbidden");
        assertThat(pep.server.store(PepStore.class).node("alice", MOOD)).isEmpty();
    }

    @Test
    void retractRemovesTheItem() {
        pep.publish(alice, MOOD, "a", mood("a"), publishOptions("pubsub#max_items", "3"));
        pep.publish(alice, MOOD, "b", mood("b"));
        Element retract = Element.builder("pubsub", NS).child(Element.builder("retract", NS).attr("node", MOOD)
                .child(Element.builder("item", NS).attr("id", "b").build()).build()).build();

        assertThat(pep.server.iq(alice, "set", null, retract).attr("type")).isEqualTo("result");
        assertThat(ids(pep.items(alice, null, MOOD, 0))).containsExactly("a");
        assertThat(errorCondition(pep.server.iq(alice, "set", null, retract))).isEqualTo("item-not-found");
    }

    @Test
    void ownerReadsAndChangesTheConfiguration() {
        pep.publish(alice, MOOD, "a", mood("a"));
        Element form = pep.owner(alice, "get", Element.builder("configure", PepFixture.OWNER).attr("node", MOOD).build());
        Element x = form.child("pubsub", PepFixture.OWNER).child("configure", PepFixture.OWNER).child("x", PepFixture.FORMS);
        assertThat(DataForms.fields(x)).containsEntry("pubsub#access_model", List.of("presence")).containsEntry("pubsub#max_items", List.of("1"));

        Element submit = DataForms.form("submit", PubSub.NODE_CONFIG)
                .child(DataForms.field("pubsub#access_model", null, null, "open")).build();
        Element reply = pep.owner(alice, "set", Element.builder("configure", PepFixture.OWNER).attr("node", MOOD).child(submit).build());

        assertThat(reply.attr("type")).as(reply.toXml()).isEqualTo("result");
        assertThat(pep.publish(alice, MOOD, "b", mood("b"), publishOptions("pubsub#access_model", "open")).attr("type")).isEqualTo("result");
    }

    @Test
    void unknownConfigurationFieldsAreRefused() {
        pep.publish(alice, MOOD, "a", mood("a"));
        Element submit = DataForms.form("submit", PubSub.NODE_CONFIG)
                .child(DataForms.field("pubsub#frobnicate", null, null, "1")).build();
        Element reply = pep.owner(alice, "set", Element.builder("configure", PepFixture.OWNER).attr("node", MOOD).child(submit).build());
        assertThat(errorCondition(reply)).isEqualTo("not-acceptable");
    }

    @Test
    void deleteAndPurgeEmptyTheNode() {
        pep.publish(alice, MOOD, "a", mood("a"));
        assertThat(pep.owner(alice, "set", Element.builder("purge", PepFixture.OWNER).attr("node", MOOD).build()).attr("type")).isEqualTo("result");
        assertThat(ids(pep.items(alice, null, MOOD, 0))).isEmpty();

        assertThat(pep.owner(alice, "set", Element.builder("delete", PepFixture.OWNER).attr("node", MOOD).build()).attr("type")).isEqualTo("result");
        assertThat(errorCondition(pep.items(alice, null, MOOD, 0))).isEqualTo("item-not-found");
        assertThat(errorCondition(pep.owner(alice, "set", Element.builder("delete", PepFixture.OWNER).attr("node", MOOD).build())))
                .isEqualTo("item-not-found");
    }

    @Test
    void createMakesAConfiguredNodeOnce() {
        Element x = DataForms.form("submit", PubSub.NODE_CONFIG).child(DataForms.field("pubsub#max_items", null, null, "2")).build();
        Element create = Element.builder("pubsub", NS).child(Element.builder("create", NS).attr("node", "n").build())
                .child(Element.builder("configure", NS).child(x).build()).build();

        assertThat(pep.server.iq(alice, "set", null, create).attr("type")).isEqualTo("result");
        assertThat(errorCondition(pep.server.iq(alice, "set", null, create))).isEqualTo("conflict");
        pep.publish(alice, "n", "1", mood("1"));
        pep.publish(alice, "n", "2", mood("2"));
        pep.publish(alice, "n", "3", mood("3"));
        assertThat(ids(pep.items(alice, null, "n", 0))).containsExactly("2", "3");
    }

    @Test
    void explicitSubscriptionsAreNotOffered() {
        Element reply = pep.server.iq(alice, "set", null, Element.builder("pubsub", NS)
                .child(Element.builder("subscribe", NS).attr("node", MOOD).attr("jid", "alice@example.com").build()).build());
        assertThat(errorCondition(reply)).isEqualTo("feature-not-implemented");
        assertThat(pubsubCondition(reply)).isEqualTo("unsupported");
    }

    @Test
    void nodesGoWithTheAccount() {
        pep.publish(alice, MOOD, "a", mood("a"));
        pep.server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        assertThat(pep.server.store(PepStore.class).node("alice", MOOD)).isEmpty();
    }
}
