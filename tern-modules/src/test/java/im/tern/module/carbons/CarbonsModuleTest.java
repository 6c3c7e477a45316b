package im.tern.module.carbons;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarbonsModuleTest {
    static final String NS = CarbonsModule.NAMESPACE;
    static final String FORWARD = "urn:xmpp:forward:0";

    @TempDir
    Path dir;
    TestServer server;
    TestSession phone;
    TestSession laptop;
    TestSession bob;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new CarbonsModule());
        phone = online("alice", "phone", 0);
        laptop = online("alice", "laptop", 0);
        bob = online("bob", "desk", 0);
        enable(phone);
        enable(laptop);
    }

    @AfterEach
    void stop() { server.close(); }

    TestSession online(String user, String resource, int priority) {
        TestSession s = server.login(user, resource);
        s.setPresence(Element.builder("presence", "jabber:client").textChild("priority", Integer.toString(priority)).build());
        return s;
    }

    void enable(TestSession s) {
        assertThat(server.iq(s, "set", null, Element.empty("enable", NS)).attr("type")).isEqualTo("result");
    }

    static Element message(String type, String to, String body, Element... extra) {
        Element.Builder b = Element.builder("message", "jabber:client").attr("type", type).attr("to", to).attr("id", "m1");
        if (body != null) b.textChild("body", body);
        for (Element e : extra) b.child(e);
        return b.build();
    }

    static Element chat(String to, String body, Element... extra) { return message("chat", to, body, extra); }

    /** The message a carbon forwards, after checking the wrapper. */
    static Element forwarded(Element carbon, String direction, String to) {
        assertThat(carbon.name()).isEqualTo("message");
        assertThat(carbon.attr("from")).isEqualTo("alice@example.com");
        assertThat(carbon.attr("to")).isEqualTo(to);
        Element wrapper = carbon.child(direction, NS);
        assertThat(wrapper).as("<%s/> in %s", direction, carbon).isNotNull();
        return wrapper.child("forwarded", FORWARD).child("message", "jabber:client");
    }

    @Test
    void messageToOneResourceIsCopiedAsReceivedToTheOther() {
        server.send(bob, chat("alice@example.com/phone", "hi phone"));

        assertThat(phone.drain()).singleElement().satisfies(m -> assertThat(m.childText("body", "jabber:client")).isEqualTo("hi phone"));
        Element original = forwarded(laptop.drain().get(0), "received", "alice@example.com/laptop");
        assertThat(original.attr("from")).isEqualTo("bob@example.com/desk");
        assertThat(original.attr("to")).isEqualTo("alice@example.com/phone");
        assertThat(original.childText("body", "jabber:client")).isEqualTo("hi phone");
    }

    @Test
    void messageSentByOneResourceIsCopiedAsSentToTheOther() {
        server.send(phone, chat("bob@example.com", "hi bob"));

        assertThat(bob.drain()).hasSize(1);
        assertThat(phone.drain()).isEmpty();
        Element original = forwarded(laptop.drain().get(0), "sent", "alice@example.com/laptop");
        assertThat(original.attr("from")).isEqualTo("alice@example.com/phone");
        assertThat(original.attr("to")).isEqualTo("bob@example.com");
        assertThat(original.childText("body", "jabber:client")).isEqualTo("hi bob");
    }

    @Test
    void carbonKeepsTheMessageType() {
        server.send(phone, chat("bob@example.com", "typed"));
        assertThat(laptop.drain().get(0).attr("type")).isEqualTo("chat");
    }

    @Test
    void resourceThatDisabledCarbonsGetsNone() {
        assertThat(server.iq(laptop, "set", null, Element.empty("disable", NS)).attr("type")).isEqualTo("result");

        server.send(bob, chat("alice@example.com/phone", "1"));
        server.send(phone, chat("bob@example.com", "2"));

        assertThat(laptop.drain()).isEmpty();
    }

    @Test
    void resourceThatNeverEnabledCarbonsGetsNone() {
        TestSession tablet = online("alice", "tablet", 0);
        server.send(bob, chat("alice@example.com/phone", "1"));
        server.send(phone, chat("bob@example.com", "2"));
        assertThat(tablet.drain()).isEmpty();
    }

    @Test
    void privateMessagesAreNotCopied() {
        Element hint = Element.empty("private", NS);
        server.send(bob, chat("alice@example.com/phone", "secret", hint));
        server.send(phone, chat("bob@example.com", "secret", hint));

        assertThat(laptop.drain()).isEmpty();
        assertThat(phone.drain()).singleElement().satisfies(m -> assertThat(m.child("private", NS)).as("stripped").isNull());
        assertThat(bob.drain()).singleElement().satisfies(m -> assertThat(m.child("private", NS)).as("stripped").isNull());
    }

    @Test
    void groupChatPrivateMessagesAreNotCopied() {
        server.send(bob, chat("alice@example.com/phone", "psst",
                Element.empty("x", "http://jabber.org/protocol/muc#user")));
        assertThat(laptop.drain()).isEmpty();
    }

    @Test
    void noCopyHintIsRespected() {
        server.send(bob, chat("alice@example.com/phone", "x", Element.empty("no-copy", "urn:xmpp:hints")));
        assertThat(laptop.drain()).isEmpty();
    }

    @Test
    void messageToTheBareJidIsCopiedOnlyToResourcesThatDoNotGetIt() {
        TestSession hidden = online("alice", "hidden", -1);
        enable(hidden);

        server.send(bob, chat("alice@example.com", "to all"));

        assertThat(phone.drain()).singleElement().satisfies(m -> assertThat(m.child("body", "jabber:client")).isNotNull());
        assertThat(laptop.drain()).singleElement().satisfies(m -> assertThat(m.child("body", "jabber:client")).isNotNull());
        forwarded(hidden.drain().get(0), "received", "alice@example.com/hidden");
    }

    @Test
    void groupchatHeadlineAndErrorsAreNeverCopied() {
        server.send(phone, message("groupchat", "room@muc.example.com", "hello room"));
        server.send(bob, message("headline", "alice@example.com/phone", "news"));
        server.send(bob, message("error", "alice@example.com/phone", null));
        assertThat(laptop.drain()).isEmpty();
    }

    @Test
    void normalMessagesAreCopiedOnlyWithSomethingForTheUser() {
        server.send(bob, message(null, "alice@example.com/phone", null, Element.empty("x", "urn:example:data")));
        assertThat(laptop.drain()).isEmpty();

        server.send(bob, message("normal", "alice@example.com/phone", "a body"));
        forwarded(laptop.drain().get(0), "received", "alice@example.com/laptop");

        server.send(bob, message(null, "alice@example.com/phone", null,
                Element.empty("received", "urn:xmpp:receipts")));
        forwarded(laptop.drain().get(0), "received", "alice@example.com/laptop");
    }

    @Test
    void messagesBetweenTheAccountsOwnResourcesAreNotCopied() {
        TestSession tablet = online("alice", "tablet", 0);
        enable(tablet);
        server.send(phone, chat("alice@example.com/laptop", "note to self"));
        assertThat(tablet.drain()).isEmpty();
    }

    @Test
    void forgedCarbonsFromOthersAreNotCopiedAgain() {
        Element fake = Element.builder("received", NS).child(Element.builder("forwarded", FORWARD)
                .child(chat("alice@example.com/phone", "fake")).build()).build();
        server.send(bob, message("chat", "alice@example.com/phone", null, fake));
        assertThat(laptop.drain()).isEmpty();
    }

    @Test
    void carbonsCannotBeSwitchedForAnotherAccount() {
        Element reply = server.iq(bob, "set", "alice@example.com", Element.empty("enable", NS));
        assertThat(errorCondition(reply)).isEqualTo("forbidden");
    }

    @Test
    void enablingAtTheDomainAlsoWorks() {
        TestSession tablet = online("alice", "tablet", 0);
        assertThat(server.iq(tablet, "set", "example.com", Element.empty("enable", NS)).attr("type")).isEqualTo("result");
        server.send(phone, chat("bob@example.com", "x"));
        assertThat(tablet.drain()).hasSize(1);
    }

    @Test
    void serverAnnouncesCarbons() {
        assertThat(server.disco().serverFeatures()).contains(NS);
        assertThat(List.copyOf(server.disco().accountFeatures())).doesNotContain(NS);
    }
}
