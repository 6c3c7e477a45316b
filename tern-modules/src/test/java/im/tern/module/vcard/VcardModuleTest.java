package im.tern.module.vcard;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcardModuleTest {
    static final String NS = VcardModule.NAMESPACE;

    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new VcardModule(1024));
        alice = server.login("alice", "phone");
    }

    @AfterEach
    void stop() { server.close(); }

    static Element vcard(String fullName) {
        return Element.builder("vCard", NS).textChild("FN", fullName)
                .child(Element.builder("PHOTO", NS).textChild("TYPE", "image/png").textChild("BINVAL", "iVBORw0K").build()).build();
    }

    Element get(TestSession s, String to) {
        return server.iq(s, "get", to, Element.empty("vCard", NS));
    }

    @Test
    void ownVcardIsEmptyUntilSet() {
        Element reply = get(alice, null);
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(reply.child("vCard", NS)).isEqualTo(Element.empty("vCard", NS));
    }

    @Test
    void vcardSetIsReadBack() {
        assertThat(server.iq(alice, "set", null, vcard("Alice")).attr("type")).isEqualTo("result");
        assertThat(get(alice, null).child("vCard", NS)).isEqualTo(vcard("Alice"));
    }

    @Test
    void vcardOfAnotherAccountIsReadable() {
        server.iq(alice, "set", null, vcard("Alice"));
        TestSession bob = server.login("bob", "laptop");
        Element reply = get(bob, "alice@example.com");
        assertThat(reply.attr("from")).isEqualTo("alice@example.com");
        assertThat(reply.child("vCard", NS)).isEqualTo(vcard("Alice"));
    }

    @Test
    void vcardOfAnotherAccountCannotBeSet() {
        TestSession bob = server.login("bob", "laptop");
        Element reply = server.iq(bob, "set", "alice@example.com", vcard("Mallory"));
        assertThat(errorCondition(reply)).isEqualTo("forbidden");
        assertThat(get(alice, null).child("vCard", NS).elements()).isEmpty();
    }

    @Test
    void vcardLargerThanTheLimitIsNotAcceptable() {
        Element reply = server.iq(alice, "set", null, vcard("A".repeat(1024)));
        assertThat(errorCondition(reply)).isEqualTo("not-acceptable");
        assertThat(server.store(DocumentStore.class).get("alice", "vcard-temp")).isEmpty();
    }

    @Test
    void vcardGoesWithItsAccount() {
        server.iq(alice, "set", null, vcard("Alice"));
        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        assertThat(server.store(DocumentStore.class).get("alice", "vcard-temp")).isEmpty();
    }
}
