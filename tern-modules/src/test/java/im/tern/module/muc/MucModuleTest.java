package im.tern.module.muc;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.module.Events;
import im.tern.module.disco.DiscoItems;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.GroupStore;
import im.tern.xml.Element;
import im.tern.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MucModuleTest {
    static final String ROOM = "team@groups.example.com";

    @TempDir Path dir;
    TestServer server;
    DiscoItems items = new DiscoItems();
    GroupStore store;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new MucModule(new MucSettings("groups", 3, 1, 20, 100), items));
        store = server.store(GroupStore.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Element presence(String to, Element... children) {
        Element.Builder b = Element.builder("presence", Namespaces.CLIENT).attr("to", to);
        for (Element c : children) b.child(c);
        return b.build();
    }

    static Element mucX() { return Element.empty("x", MucNs.MUC); }

    static Element groupchat(String body) {
        return Element.builder("message", Namespaces.CLIENT).attr("to", ROOM).attr("type", "groupchat").attr("id", "m-" + body)
                .child(Element.builder("body", Namespaces.CLIENT).text(body).build()).build();
    }

    /** Alice creates a members-only group and adds the members; she is in it as "alice". */
    TestSession group(String... members) {
        TestSession alice = server.login("alice", "phone");
        server.send(alice, presence(ROOM + "/alice", mucX()));
        Element form = Element.builder("x", MucNs.DATA).attr("type", "submit")
                .child(RoomConfig.field(RoomConfig.MEMBERS_ONLY, null, null, "1")).build();
        Element result = server.iq(alice, "set", ROOM, Element.builder("query", MucNs.OWNER).child(form).build());
        assertThat(result.attr("type")).isEqualTo("result");
        for (String m : members) {
            Element item = Element.builder("item", MucNs.ADMIN).attr("affiliation", "member").attr("jid", m + "@example.com").build();
            assertThat(server.iq(alice, "set", ROOM, Element.builder("query", MucNs.ADMIN).child(item).build()).attr("type"))
                    .isEqualTo("result");
        }
        alice.drain();
        return alice;
    }

    static String errorOf(Element stanza) {
        Element error = stanza.child("error", Namespaces.CLIENT);
        return error == null ? null : error.firstElement().name();
    }

    @Test
    void theServiceIsListedInTheDomainsItems() {
        assertThat(items.items()).containsExactly(new DiscoItems.Item(Jid.of("groups.example.com"), "Groups", null));
    }

    @Test
    void creatorGetsStatus201AndTheOwnerItem() {
        TestSession alice = server.login("alice", "phone");
        server.send(alice, presence(ROOM + "/alice", mucX()));
        Element self = alice.drain().get(0);
        Element x = self.child("x", MucNs.USER);
        assertThat(x.child("item", MucNs.USER).attr("affiliation")).isEqualTo("owner");
        assertThat(x.elements("status", MucNs.USER)).extracting(s -> s.attr("code")).contains("110", "201");
        assertThat(store.room("team")).isPresent();
    }

    @Test
    void aGroupchatMessageIsArchivedOnceAndReachesEveryOccupantWithTheSameStanzaId() {
        TestSession alice = group("bob", "carol");
        TestSession bob = server.login("bob", "phone");
        server.send(bob, presence(ROOM + "/bob", mucX()));
        alice.drain();
        bob.drain();

        server.send(alice, groupchat("hello"));
        Element toAlice = alice.drain().get(0);
        Element toBob = bob.drain().get(0);
        assertThat(toBob.attr("from")).isEqualTo(ROOM + "/alice");
        assertThat(toBob.attr("to")).isEqualTo("bob@example.com/phone");
        assertThat(toAlice.attr("to")).isEqualTo("alice@example.com/phone");
        String id = toBob.child("stanza-id", "urn:xmpp:sid:0").attr("id");
        assertThat(toAlice.child("stanza-id", "urn:xmpp:sid:0").attr("id")).isEqualTo(id);
        // Stored once for the room (carol, a member who is away, reads it from there), not once per member.
        List<GroupStore.Message> archived = store.history("team", null, null, null, 10, false).stream()
                .filter(m -> m.fromNick().equals("alice")).toList(); // the rest are "alice added ..." from the room
        assertThat(archived).extracting(GroupStore.Message::id).containsExactly(id);
        assertThat(archived.get(0).fromJid()).isEqualTo("alice@example.com/phone");
    }

    @Test
    void refusedRequestsChangeNothing() {
        TestSession alice = group("bob");
        TestSession eve = server.login("eve", "phone");
        server.send(eve, presence(ROOM + "/eve", mucX()));
        assertThat(errorOf(eve.drain().get(0))).isEqualTo("registration-required");
        server.send(eve, groupchat("spam"));
        assertThat(errorOf(eve.drain().get(0))).isEqualTo("not-acceptable");
        Element grant = Element.builder("item", MucNs.ADMIN).attr("affiliation", "member").attr("jid", "eve@example.com").build();
        Element refused = server.iq(eve, "set", ROOM, Element.builder("query", MucNs.ADMIN).child(grant).build());
        assertThat(errorOf(refused)).isEqualTo("forbidden");
        // Member limit (3 here): alice and bob and carol fill it.
        server.iq(alice, "set", ROOM, Element.builder("query", MucNs.ADMIN).child(
                Element.builder("item", MucNs.ADMIN).attr("affiliation", "member").attr("jid", "carol@example.com").build()).build());
        Element full = server.iq(alice, "set", ROOM, Element.builder("query", MucNs.ADMIN).child(grant).build());
        assertThat(errorOf(full)).isEqualTo("not-allowed");
        assertThat(store.history("team", null, null, null, 10, false)).extracting(GroupStore.Message::xml)
                .noneMatch(xml -> xml.contains("spam"));
        assertThat(store.affiliations("team")).extracting(GroupStore.Affiliation::jid)
                .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
        // One room per owner here: a second is refused.
        server.send(alice, presence("second@groups.example.com/alice", mucX()));
        assertThat(errorOf(alice.drain().stream().filter(e -> "error".equals(e.attr("type"))).findFirst().orElseThrow()))
                .isEqualTo("not-allowed");
        assertThat(store.room("second")).isEmpty();
    }

    @Test
    void aDeletedOwnerIsRemovedAndTheLongestStandingAdminBecomesOwner() {
        TestSession alice = group("carol");
        Element admin = Element.builder("item", MucNs.ADMIN).attr("affiliation", "admin").attr("jid", "bob@example.com").build();
        server.iq(alice, "set", ROOM, Element.builder("query", MucNs.ADMIN).child(admin).build());
        server.logout(alice);

        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        assertThat(store.affiliations("team")).extracting(a -> a.jid() + "=" + a.affiliation())
                .containsExactlyInAnyOrder("carol@example.com=member", "bob@example.com=owner");
        List<String> bodies = store.history("team", null, null, null, 10, false).stream().map(GroupStore.Message::xml).toList();
        assertThat(bodies.get(bodies.size() - 1)).contains("bob is now the group&apos;s owner".replace("&apos;", "'"));
    }

    @Test
    void aSharedStanzaIsSerialisedOnceAndAddressedPerRecipient() {
        Element m = Element.builder("message", Namespaces.CLIENT).attr("from", ROOM + "/a").attr("type", "groupchat")
                .child(Element.builder("body", Namespaces.CLIENT).text("<hi & bye>").build()).build();
        byte[] shared = XmlWriter.toUtf8(m, Namespaces.CLIENT);
        Jid to = Jid.of("bob@example.com/ph\"one");
        byte[] addressed = Fanout.addressed(shared, "<message".length(), to);
        Element expected = Element.builder("message", Namespaces.CLIENT).attr("to", to.toString()).attr("from", ROOM + "/a")
                .attr("type", "groupchat").child(Element.builder("body", Namespaces.CLIENT).text("<hi & bye>").build()).build();
        assertThat(new String(addressed, StandardCharsets.UTF_8))
                .isEqualTo(new String(XmlWriter.toUtf8(expected, Namespaces.CLIENT), StandardCharsets.UTF_8));
    }
}
