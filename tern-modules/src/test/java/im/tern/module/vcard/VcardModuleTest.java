package im.tern.module.vcard;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.DocumentStore;
import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import im.tern.store.PrivacyStore;
import im.tern.store.ProfileStore;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.Set;
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

    void privacy(String user, Setting setting, Audience audience) {
        PrivacyStore store = server.store(PrivacyStore.class);
        store.put(user, store.get(user).with(setting, audience));
    }

    @Test
    void othersGetNoAboutTextOrPhotoThatThePrivacySettingsHideFromThem() {
        Element full = Element.builder("vCard", NS).textChild("FN", "Alice").textChild("DESC", "Climbing")
                .child(Element.builder("PHOTO", NS).textChild("BINVAL", "iVBORw0K").build()).build();
        server.iq(alice, "set", null, full);
        server.store(RosterStore.class).put("alice", new RosterItem(Jid.of("bob@example.com"), null, Subscription.NONE, false, Set.of()));
        privacy("alice", Setting.ABOUT, Audience.NOBODY);
        privacy("alice", Setting.AVATAR, Audience.CONTACTS);
        TestSession bob = server.login("bob", "laptop");
        TestSession carol = server.login("carol", "desk");

        Element atBob = get(bob, "alice@example.com").child("vCard", NS);
        assertThat(atBob.child("DESC", NS)).isNull();
        assertThat(atBob.child("PHOTO", NS)).isNotNull();
        Element atCarol = get(carol, "alice@example.com").child("vCard", NS);
        assertThat(atCarol.child("DESC", NS)).isNull();
        assertThat(atCarol.child("PHOTO", NS)).isNull();
        assertThat(atCarol.childText("FN", NS)).isEqualTo("Alice");
        assertThat(get(alice, null).child("vCard", NS)).isEqualTo(full);
    }

    @Test
    void theProfileFillsInTheNameAndAboutTextTheVcardLacks() {
        server.store(ProfileStore.class).put("alice", new ProfileStore.Profile("Ally", "On holiday"));
        TestSession bob = server.login("bob", "laptop");
        Element card = get(bob, "alice@example.com").child("vCard", NS);
        assertThat(card.childText("NICKNAME", NS)).isEqualTo("Ally");
        assertThat(card.childText("FN", NS)).isEqualTo("Ally");
        assertThat(card.childText("DESC", NS)).isEqualTo("On holiday");
        assertThat(get(alice, null).child("vCard", NS).elements()).as("the owner gets what it stored").isEmpty();

        server.iq(alice, "set", null, vcard("Alice Liddell"));
        privacy("alice", Setting.ABOUT, Audience.NOBODY);
        card = get(bob, "alice@example.com").child("vCard", NS);
        assertThat(card.childText("FN", NS)).as("the vCard's own name wins").isEqualTo("Alice Liddell");
        assertThat(card.childText("NICKNAME", NS)).isEqualTo("Ally");
        assertThat(card.child("DESC", NS)).isNull();
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
