package im.tern.module.pep;

import static im.tern.module.pep.PepFixture.events;
import static im.tern.module.pep.PepFixture.ids;
import static im.tern.module.pep.PepFixture.jid;
import static im.tern.module.pep.PepFixture.pubsubCondition;
import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0084 avatars kept in step with the vCard PHOTO and the XEP-0153 presence hash. */
class AvatarSyncTest {
    static final String VCARD = "vcard-temp";
    static final byte[] PNG = png(200);

    @TempDir
    Path dir;
    PepFixture pep;
    TestSession alice;

    @BeforeEach
    void start() {
        pep = new PepFixture(dir, new PepSettings(64 * 1024, 16, 16, 1000, 100), new PepAccessRules());
        pep.sharesPresence("alice", "bob");
        pep.server.account("mallory");
        alice = pep.online("alice", "phone");
    }

    @AfterEach
    void stop() { pep.close(); }

    static byte[] png(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 7);
        b[0] = (byte) 0x89;
        b[1] = 'P';
        b[2] = 'N';
        b[3] = 'G';
        return b;
    }

    void publishAvatar(TestSession s, byte[] image) {
        String id = Avatars.sha1Hex(image);
        assertThat(pep.publish(s, Avatars.DATA, id, Avatars.data(image)).attr("type")).isEqualTo("result");
        assertThat(pep.publish(s, Avatars.METADATA, id, Avatars.metadata(id, image.length, "image/png")).attr("type")).isEqualTo("result");
    }

    Element vcardOf(TestSession asker, String owner) {
        return pep.server.iq(asker, "get", owner == null ? null : jid(owner), Element.empty("vCard", VCARD)).child("vCard", VCARD);
    }

    Element setVcard(TestSession s, Element photo) {
        Element.Builder v = Element.builder("vCard", VCARD).textChild("FN", "Alice");
        if (photo != null) v.child(photo);
        return pep.server.iq(s, "set", null, v.build());
    }

    static Element photo(byte[] image) {
        return Element.builder("PHOTO", VCARD).textChild("BINVAL", Base64.getMimeEncoder().encodeToString(image)).build();
    }

    @Test
    void aPepAvatarBecomesTheVcardPhoto() {
        setVcard(alice, null);
        publishAvatar(alice, PNG);

        TestSession bob = pep.online("bob", "laptop");
        Element photo = vcardOf(bob, "alice").child("PHOTO", VCARD);
        assertThat(photo.childText("TYPE", VCARD)).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(photo.childText("BINVAL", VCARD))).isEqualTo(PNG);
        assertThat(vcardOf(bob, "alice").childText("FN", VCARD)).as("the rest of the vCard stays").isEqualTo("Alice");
    }

    @Test
    void aVcardPhotoIsPublishedAsTheAvatarOnce() {
        TestSession bob = pep.online("bob", "laptop", Avatars.METADATA);
        events(bob);

        assertThat(setVcard(alice, photo(PNG)).attr("type")).isEqualTo("result");

        String id = Avatars.sha1Hex(PNG);
        List<Element> got = events(bob);
        assertThat(got).hasSize(1);
        assertThat(PepFixture.itemIds(got.get(0))).containsExactly(id);
        Element info = pep.items(bob, "alice", Avatars.METADATA, 0).child("pubsub", PepFixture.NS).child("items", PepFixture.NS)
                .child("item", PepFixture.NS).child("metadata", Avatars.METADATA).child("info", Avatars.METADATA);
        assertThat(info.attr("id")).isEqualTo(id);
        assertThat(info.attr("bytes")).isEqualTo("200");
        assertThat(info.attr("type")).isEqualTo("image/png");
        TestSession mallory = pep.online("mallory", "pc");
        assertThat(ids(pep.items(mallory, "alice", Avatars.DATA, 0, id))).as("as open as the vCard").containsExactly(id);

        setVcard(alice, photo(PNG));
        assertThat(events(bob)).as("the same photo again").isEmpty();
    }

    @Test
    void anEmptyPhotoRemovesTheAvatarAndNoPhotoLeavesIt() {
        setVcard(alice, photo(PNG));
        setVcard(alice, null);
        assertThat(ids(pep.items(alice, null, Avatars.METADATA, 0))).containsExactly(Avatars.sha1Hex(PNG));

        setVcard(alice, Element.empty("PHOTO", VCARD));

        Element metadata = pep.items(alice, null, Avatars.METADATA, 0).child("pubsub", PepFixture.NS).child("items", PepFixture.NS)
                .child("item", PepFixture.NS).child("metadata", Avatars.METADATA);
        assertThat(metadata.elements()).isEmpty();
    }

    @Test
    void avatarsOverTheLimitAreRefusedEitherWay() {
        byte[] big = png(1001);
        Element reply = pep.publish(alice, Avatars.DATA, Avatars.sha1Hex(big), Avatars.data(big));
        assertThat(errorCondition(reply)).isEqualTo("not-acceptable");
        assertThat(pubsubCondition(reply)).isEqualTo("payload-too-big");

        setVcard(alice, photo(big));
        assertThat(errorCondition(pep.items(alice, null, Avatars.METADATA, 0))).isEqualTo("item-not-found");
    }

    @Test
    void presenceCarriesTheAvatarHashAndIsSentAgainWhenItChanges() {
        TestSession bob = pep.online("bob", "laptop");
        bob.drain();

        publishAvatar(alice, PNG);

        List<Element> presences = bob.drain(e -> e.name().equals("presence") && "alice@example.com/phone".equals(e.attr("from")));
        assertThat(presences).isNotEmpty();
        Element update = presences.get(presences.size() - 1).child("x", Avatars.VCARD_UPDATE);
        assertThat(update.childText("photo", Avatars.VCARD_UPDATE)).isEqualTo(Avatars.sha1Hex(PNG));

        pep.server.send(alice, Element.builder("presence", "jabber:client").textChild("status", "busy")
                .child(Avatars.presenceUpdate("0000")).build());
        Element next = bob.drain(e -> e.name().equals("presence")).get(0);
        assertThat(next.elements("x", Avatars.VCARD_UPDATE)).singleElement()
                .satisfies(x -> assertThat(x.childText("photo", Avatars.VCARD_UPDATE)).isEqualTo(Avatars.sha1Hex(PNG)));
    }
}
