package im.tern.module.push;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.module.testing.TestStanzas;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushModuleTest {
    static final String NS = PushModule.NAMESPACE;
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String FORMS = "jabber:x:data";
    static final String GATEWAY = "push@example.com/gateway";

    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;
    TestSession gateway;

    @BeforeEach
    void start() {
        start(Duration.ZERO);
    }

    void start(Duration window) {
        if (server != null) server.close();
        server = new TestServer(dir, new PushModule(window));
        server.account("bob");
        alice = server.login("alice", "phone");
        gateway = server.login("push", "gateway");
    }

    @AfterEach
    void stop() { server.close(); }

    static Element enable(String jid, String node, Element form) {
        return Element.builder("enable", NS).attr("jid", jid).attr("node", node).child(form).build();
    }

    static Element disable(String jid, String node) {
        return Element.builder("disable", NS).attr("jid", jid).attr("node", node).build();
    }

    static Element form(String type, String formType, String secret) {
        return Element.builder("x", FORMS).attr("type", type)
                .child(field("FORM_TYPE", formType)).child(field("secret", secret)).build();
    }

    static Element field(String var, String value) {
        return Element.builder("field", FORMS).attr("var", var)
                .child(Element.builder("value", FORMS).text(value).build()).build();
    }

    static Element publishOptions(String secret) {
        return form("submit", PushModule.PUBLISH_OPTIONS, secret);
    }

    static Element chat(String body) {
        Element.Builder b = Element.builder("message", "jabber:client").attr("type", "chat").attr("id", "m1")
                .attr("from", "bob@example.com/laptop").attr("to", "alice@example.com");
        if (body != null) b.child(Element.builder("body", "jabber:client").text(body).build());
        return b.build();
    }

    static Element with(Element message, Element child) {
        return message.withChild(child);
    }

    void enableFromAlice(String node, Element form) {
        Element reply = server.iq(alice, "set", null, enable(GATEWAY, node, form));
        assertThat(reply.attr("type")).as(reply.toXml()).isEqualTo("result");
    }

    /** A message for alice while she has no available session. */
    void undeliverable(Element message) {
        server.fire(new Events.UndeliverableMessage(Stanza.of(message)));
    }

    List<Element> pushes() {
        return gateway.drain(e -> e.name().equals("iq") && "set".equals(e.attr("type")));
    }

    static Element publish(Element iq) {
        return iq.child("pubsub", PUBSUB).child("publish", PUBSUB);
    }

    static Element summary(Element iq) {
        return publish(iq).child("item", PUBSUB).child("notification", NS).child("x", FORMS);
    }

    static String fieldValue(Element form, String var) {
        for (Element f : form.elements("field", FORMS)) if (var.equals(f.attr("var"))) return f.childText("value", FORMS);
        return null;
    }

    @Test
    void accountsAdvertisePush() {
        assertThat(server.disco().accountFeatures()).contains(NS);
    }

    @Test
    void undeliverableMessagePublishesASummaryWithoutContent() {
        enableFromAlice("node-1", null);

        undeliverable(chat("the secret plan"));

        List<Element> pushes = pushes();
        assertThat(pushes).hasSize(1);
        Element iq = pushes.get(0);
        assertThat(iq.attr("from")).isEqualTo("alice@example.com");
        assertThat(iq.attr("to")).isEqualTo(GATEWAY);
        assertThat(publish(iq).attr("node")).isEqualTo("node-1");
        assertThat(fieldValue(summary(iq), "FORM_TYPE")).isEqualTo("urn:xmpp:push:summary");
        assertThat(fieldValue(summary(iq), "message-count")).isEqualTo("1");
        assertThat(iq.toXml()).doesNotContain("secret plan").doesNotContain("bob").doesNotContain("m1");
        assertThat(iq.child("pubsub", PUBSUB).child("publish-options", PUBSUB)).isNull();
    }

    @Test
    void everyRegistrationOfTheAccountIsPublishedTo() {
        enableFromAlice("phone", null);
        enableFromAlice("tablet", null);

        undeliverable(chat("hi"));

        assertThat(pushes()).extracting(iq -> publish(iq).attr("node")).containsExactlyInAnyOrder("phone", "tablet");
    }

    @Test
    void publishOptionsGoWithEveryPublish() {
        enableFromAlice("node-1", publishOptions("s3cret"));

        undeliverable(chat("hi"));

        Element options = pushes().get(0).child("pubsub", PUBSUB).child("publish-options", PUBSUB).child("x", FORMS);
        assertThat(fieldValue(options, "secret")).isEqualTo("s3cret");
        assertThat(fieldValue(options, "FORM_TYPE")).isEqualTo(PushModule.PUBLISH_OPTIONS);
    }

    @Test
    void enablingTheSameNodeAgainKeepsOneRegistrationWithTheNewOptions() {
        enableFromAlice("node-1", publishOptions("old"));
        enableFromAlice("node-1", publishOptions("new"));

        undeliverable(chat("hi"));

        List<Element> pushes = pushes();
        assertThat(pushes).hasSize(1);
        Element options = pushes.get(0).child("pubsub", PUBSUB).child("publish-options", PUBSUB).child("x", FORMS);
        assertThat(fieldValue(options, "secret")).isEqualTo("new");
    }

    @Test
    void onlyMessagesAUserWouldSeeArePushed() {
        enableFromAlice("node-1", null);
        Element composing = Element.empty("composing", "http://jabber.org/protocol/chatstates");

        undeliverable(with(chat(null), composing));
        undeliverable(chat("headline").withAttr("type", "headline"));
        undeliverable(chat("groupchat").withAttr("type", "groupchat"));
        undeliverable(chat("error").withAttr("type", "error"));
        undeliverable(with(chat("not kept"), Element.empty("no-store", "urn:xmpp:hints")));
        assertThat(pushes()).isEmpty();

        undeliverable(with(chat(null), Element.builder("received", "urn:xmpp:receipts").attr("id", "x").build()));
        undeliverable(with(chat(null), Element.builder("displayed", "urn:xmpp:chat-markers:0").attr("id", "x").build()));
        undeliverable(with(chat(null), Element.empty("encrypted", "eu.siacs.conversations.axolotl")));
        undeliverable(chat("no type").withAttr("type", null));
        assertThat(pushes()).hasSize(4);
    }

    @Test
    void disabledRegistrationGetsNoMorePushes() {
        enableFromAlice("phone", null);
        enableFromAlice("tablet", null);

        assertThat(server.iq(alice, "set", null, disable(GATEWAY, "phone")).attr("type")).isEqualTo("result");
        undeliverable(chat("hi"));

        assertThat(pushes()).extracting(iq -> publish(iq).attr("node")).containsExactly("tablet");
    }

    @Test
    void disableWithoutNodeRemovesEveryNodeOfThatService() {
        enableFromAlice("phone", null);
        enableFromAlice("tablet", null);

        server.iq(alice, "set", null, disable(GATEWAY, null));
        undeliverable(chat("hi"));

        assertThat(pushes()).isEmpty();
    }

    @Test
    void anotherAccountCannotEnableOrDisable() {
        TestSession mallory = server.login("mallory", "x");
        assertThat(errorCondition(server.iq(mallory, "set", "alice@example.com", enable(GATEWAY, "n", null))))
                .isEqualTo("forbidden");
        enableFromAlice("n", null);
        assertThat(errorCondition(server.iq(mallory, "set", "alice@example.com", disable(GATEWAY, null))))
                .isEqualTo("forbidden");
        undeliverable(chat("hi"));
        assertThat(pushes()).hasSize(1);
    }

    @Test
    void malformedEnableRequestsAreRefused() {
        assertThat(errorCondition(server.iq(alice, "set", null, enable(null, "n", null)))).isEqualTo("bad-request");
        assertThat(errorCondition(server.iq(alice, "set", null, enable("@@", "n", null)))).isEqualTo("jid-malformed");
        assertThat(errorCondition(server.iq(alice, "set", null, enable(GATEWAY, "n", form("submit", "urn:other", "x")))))
                .isEqualTo("bad-request");
        assertThat(errorCondition(server.iq(alice, "set", null, enable(GATEWAY, "n", form("form", PushModule.PUBLISH_OPTIONS, "x")))))
                .isEqualTo("bad-request");
        assertThat(errorCondition(server.iq(alice, "set", null, enable("alice@example.com", "n", null)))).isEqualTo("not-acceptable");
        assertThat(errorCondition(server.iq(alice, "set", null, enable("example.com", "n", null)))).isEqualTo("not-acceptable");
        String big = "x".repeat(PushSettings.MAX_FORM_CHARS);
        assertThat(errorCondition(server.iq(alice, "set", null, enable(GATEWAY, "n", publishOptions(big))))).isEqualTo("not-acceptable");
    }

    @Test
    void messageToAnAccountWhoseSessionsAllWaitForResumptionIsPushed() {
        enableFromAlice("node-1", null);
        alice.setPresence(TestStanzas.presence());
        alice.setDetached(true);

        server.deliver(Stanza.of(chat("hi")));

        assertThat(pushes()).hasSize(1);
        assertThat(alice.drain(e -> e.name().equals("message"))).hasSize(1); // queued for resumption all the same
    }

    @Test
    void messageToAnAccountWithOneConnectedSessionIsNotPushed() {
        enableFromAlice("node-1", null);
        alice.setPresence(TestStanzas.presence());
        alice.setDetached(true);
        TestSession desk = server.login("alice", "desk");
        desk.setPresence(TestStanzas.presence());

        server.deliver(Stanza.of(chat("hi")));

        assertThat(pushes()).isEmpty();
    }

    @Test
    void messageToADetachedFullJidIsPushedEvenWhenAnotherDeviceIsConnected() {
        enableFromAlice("node-1", null);
        alice.setPresence(TestStanzas.presence());
        alice.setDetached(true);
        server.login("alice", "desk").setPresence(TestStanzas.presence());

        server.deliver(Stanza.of(chat("hi").withAttr("to", "alice@example.com/phone")));

        assertThat(pushes()).hasSize(1);
    }

    @Test
    void pushesInsideTheWindowAreCoalesced() {
        start(Duration.ofHours(1));
        enableFromAlice("phone", null);
        enableFromAlice("tablet", null);

        undeliverable(chat("one"));
        undeliverable(chat("two"));
        undeliverable(chat("three"));

        assertThat(pushes()).hasSize(2); // one per registration
    }

    @Test
    void errorFromTheAppServerRemovesTheRegistration() {
        enableFromAlice("phone", null);
        enableFromAlice("tablet", null);
        undeliverable(chat("hi"));

        for (Element push : pushes()) {
            if (publish(push).attr("node").equals("phone")) {
                server.send(gateway, errorAnswer(push, "cancel", "item-not-found"));
            } else {
                server.send(gateway, Element.builder("iq", "jabber:client").attr("type", "result")
                        .attr("id", push.attr("id")).attr("to", push.attr("from")).build());
            }
        }
        undeliverable(chat("again"));

        assertThat(pushes()).extracting(iq -> publish(iq).attr("node")).containsExactly("tablet");
    }

    @Test
    void transientErrorKeepsTheRegistration() {
        enableFromAlice("phone", null);
        undeliverable(chat("hi"));

        server.send(gateway, errorAnswer(pushes().get(0), "wait", "resource-constraint"));
        undeliverable(chat("again"));

        assertThat(pushes()).hasSize(1);
    }

    @Test
    void errorFromSomeoneOtherThanTheAppServerIsIgnored() {
        enableFromAlice("phone", null);
        undeliverable(chat("hi"));
        Element push = pushes().get(0);

        TestSession mallory = server.login("mallory", "x");
        server.send(mallory, errorAnswer(push, "cancel", "item-not-found"));
        undeliverable(chat("again"));

        assertThat(pushes()).hasSize(1);
    }

    @Test
    void appServerOnAnotherDomainGetsPublishesThatBounceQuietly() {
        Element reply = server.iq(alice, "set", null, enable("push.elsewhere.example", "n", null));
        assertThat(reply.attr("type")).isEqualTo("result");

        undeliverable(chat("hi"));

        assertThat(alice.drain()).isEmpty(); // the remote-server-not-found goes to the bare JID and is consumed
    }

    @Test
    void registrationsOutliveARestart() {
        enableFromAlice("phone", publishOptions("s"));
        server.close();
        server = new TestServer(dir, new PushModule(Duration.ZERO));
        gateway = server.login("push", "gateway");

        undeliverable(chat("hi"));

        assertThat(pushes()).hasSize(1);
    }

    @Test
    void oldestRegistrationMakesWayPastTheLimit() {
        for (int i = 0; i <= PushModule.MAX_REGISTRATIONS; i++) enableFromAlice("device-" + i, null);

        undeliverable(chat("hi"));

        List<String> nodes = pushes().stream().map(iq -> publish(iq).attr("node")).toList();
        assertThat(nodes).hasSize(PushModule.MAX_REGISTRATIONS).doesNotContain("device-0").contains("device-" + PushModule.MAX_REGISTRATIONS);
    }

    @Test
    void registrationsGoWithTheirAccount() {
        enableFromAlice("phone", null);

        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        undeliverable(chat("hi"));

        assertThat(pushes()).isEmpty();
    }

    static Element errorAnswer(Element push, String type, String condition) {
        Element error = Element.builder("error", "jabber:client").attr("type", type)
                .child(Element.empty(condition, "urn:ietf:params:xml:ns:xmpp-stanzas")).build();
        return Element.builder("iq", "jabber:client").attr("type", "error").attr("id", push.attr("id"))
                .attr("to", push.attr("from")).child(error).build();
    }
}
