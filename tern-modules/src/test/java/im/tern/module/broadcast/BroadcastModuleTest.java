package im.tern.module.broadcast;

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

class BroadcastModuleTest {
    static final String NS = BroadcastModule.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;
    TestSession bob;
    TestSession carol;
    TestSession dave;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new BroadcastModule(3));
        alice = online("alice");
        bob = online("bob");
        carol = online("carol");
        dave = online("dave");
    }

    @AfterEach
    void stop() { server.close(); }

    TestSession online(String user) {
        TestSession s = server.login(user, "r");
        s.setPresence(Element.empty("presence", "jabber:client"));
        return s;
    }

    static Element address(String type, String jid) {
        return Element.builder("address", NS).attr("type", type).attr("jid", jid).build();
    }

    static Element broadcast(String to, Element... addresses) {
        Element.Builder a = Element.builder("addresses", NS);
        for (Element e : addresses) a.child(e);
        return Element.builder("message", "jabber:client").attr("type", "chat").attr("to", to).attr("id", "b1")
                .textChild("body", "to everyone").child(a.build()).build();
    }

    static List<String> addressed(Element copy) {
        return copy.child("addresses", NS).elements("address", NS).stream()
                .map(a -> a.attr("type") + ":" + a.attr("jid") + ":" + a.attr("delivered")).toList();
    }

    @Test
    void oneSendReachesEveryRecipientAsItsOwnMessage() {
        server.send(alice, broadcast("example.com", address("to", "bob@example.com"), address("cc", "carol@example.com"),
                address("bcc", "dave@example.com")));

        for (TestSession s : List.of(bob, carol, dave)) {
            Element copy = s.drain().get(0);
            assertThat(copy.attr("to")).isEqualTo(s.jid().bare().toString());
            assertThat(copy.attr("from")).isEqualTo("alice@example.com/r");
            assertThat(copy.attr("id")).isEqualTo("b1");
            assertThat(copy.childText("body", "jabber:client")).isEqualTo("to everyone");
            assertThat(addressed(copy)).containsExactly("to:bob@example.com:true", "cc:carol@example.com:true");
        }
        assertThat(alice.drain()).isEmpty();
    }

    @Test
    void repeatedAndAlreadyDeliveredAddressesGetNoSecondCopy() {
        server.send(alice, broadcast("example.com", address("to", "bob@example.com"), address("cc", "bob@example.com"),
                address("to", "carol@example.com").withAttr("delivered", "true")));
        assertThat(bob.drain()).hasSize(1);
        assertThat(carol.drain()).isEmpty();
    }

    @Test
    void replyAddressesAreKept() {
        server.send(alice, broadcast("example.com", address("to", "bob@example.com"), address("replyto", "alice@example.com/r")));
        assertThat(addressed(bob.drain().get(0))).containsExactly("to:bob@example.com:true", "replyto:alice@example.com/r:true");
    }

    @Test
    void tooManyRecipientsIsNotAcceptable() {
        server.send(alice, broadcast("example.com", address("to", "bob@example.com"), address("to", "carol@example.com"),
                address("to", "dave@example.com"), address("to", "erin@example.com")));
        assertThat(errorCondition(alice.drain().get(0))).isEqualTo("not-acceptable");
        assertThat(bob.drain()).isEmpty();
    }

    @Test
    void remoteAddressGetsItsOwnErrorWhileLocalOnesAreDelivered() {
        server.send(alice, broadcast("example.com", address("to", "bob@example.com"), address("to", "zed@elsewhere.example")));
        assertThat(bob.drain()).hasSize(1);
        Element error = alice.drain().get(0);
        assertThat(errorCondition(error)).isEqualTo("remote-server-not-found");
        assertThat(error.attr("from")).isEqualTo("zed@elsewhere.example");
    }

    @Test
    void malformedAndUnknownAddressesAreRefused() {
        server.send(alice, broadcast("example.com", address("to", "@@bad@@")));
        assertThat(errorCondition(alice.drain().get(0))).isEqualTo("jid-malformed");
        server.send(alice, broadcast("example.com", address("sideways", "bob@example.com")));
        assertThat(errorCondition(alice.drain().get(0))).isEqualTo("bad-request");
        server.send(alice, broadcast("example.com"));
        assertThat(errorCondition(alice.drain().get(0))).isEqualTo("bad-request");
        assertThat(bob.drain()).isEmpty();
    }

    @Test
    void addressesToSomeoneElseAreJustAMessage() {
        server.send(alice, broadcast("bob@example.com", address("to", "carol@example.com")));
        assertThat(bob.drain()).hasSize(1);
        assertThat(carol.drain()).isEmpty();
    }

    @Test
    void serverAnnouncesAddressing() {
        assertThat(server.disco().serverFeatures()).contains(NS);
    }
}
