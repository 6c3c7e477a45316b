package im.tern.module.disco;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.module.ping.PingModule;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.store.RosterItem;
import im.tern.store.RosterStore;
import im.tern.store.Subscription;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoModuleTest {
    @TempDir
    Path dir;
    TestServer server;
    DiscoItems items = new DiscoItems();
    TestSession alice;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new DiscoModule(items), new PingModule());
        alice = server.login("alice", "phone");
        server.account("bob");
    }

    @AfterEach
    void stop() { server.close(); }

    Element info(String to) {
        return server.iq(alice, "get", to, Element.empty("query", DiscoModule.INFO));
    }

    static List<String> features(Element reply) {
        return reply.child("query", DiscoModule.INFO).elements("feature", DiscoModule.INFO).stream().map(f -> f.attr("var")).toList();
    }

    static Element identity(Element reply) {
        return reply.child("query", DiscoModule.INFO).child("identity", DiscoModule.INFO);
    }

    void bobHas(Subscription s) {
        server.store(RosterStore.class).put("bob", new RosterItem(Jid.of("alice@example.com"), null, s, false, Set.of()));
    }

    @Test
    void serverInfoNamesTheServerAndEveryServerFeature() {
        Element reply = info("example.com");
        assertThat(identity(reply).attr("category")).isEqualTo("server");
        assertThat(identity(reply).attr("type")).isEqualTo("im");
        assertThat(features(reply)).contains(DiscoModule.INFO, DiscoModule.ITEMS, PingModule.NAMESPACE)
                .containsExactlyInAnyOrderElementsOf(server.disco().serverFeatures());
    }

    @Test
    void accountInfoIsAnsweredForTheAccountItself() {
        Element reply = info("alice@example.com");
        assertThat(identity(reply).attr("category")).isEqualTo("account");
        assertThat(identity(reply).attr("type")).isEqualTo("registered");
        assertThat(features(reply)).containsExactlyInAnyOrderElementsOf(server.disco().accountFeatures());
    }

    @Test
    void accountInfoIsAnsweredToContactsTheAccountSharesPresenceWith() {
        bobHas(Subscription.FROM);
        assertThat(info("bob@example.com").attr("type")).isEqualTo("result");
        bobHas(Subscription.BOTH);
        assertThat(info("bob@example.com").attr("type")).isEqualTo("result");
    }

    @Test
    void accountInfoIsServiceUnavailableToOthers() {
        assertThat(errorCondition(info("bob@example.com"))).isEqualTo("service-unavailable");
        bobHas(Subscription.TO);
        assertThat(errorCondition(info("bob@example.com"))).as("bob sees alice, not the reverse").isEqualTo("service-unavailable");
    }

    @Test
    void unknownNodeIsItemNotFound() {
        Element reply = server.iq(alice, "get", "example.com",
                Element.builder("query", DiscoModule.INFO).attr("node", "http://example.com#nothing").build());
        assertThat(errorCondition(reply)).isEqualTo("item-not-found");
    }

    @Test
    void serverItemsListWhatOtherModulesRegistered() {
        Element empty = server.iq(alice, "get", "example.com", Element.empty("query", DiscoModule.ITEMS));
        assertThat(empty.child("query", DiscoModule.ITEMS).elements()).isEmpty();
        items.add(new DiscoItems.Item(Jid.of("upload.example.com"), "HTTP upload", null));
        Element reply = server.iq(alice, "get", "example.com", Element.empty("query", DiscoModule.ITEMS));
        assertThat(reply.child("query", DiscoModule.ITEMS).elements("item", DiscoModule.ITEMS))
                .singleElement().satisfies(i -> assertThat(i.attr("jid")).isEqualTo("upload.example.com"));
    }

    @Test
    void accountItemsAreEmptyForTheAccount() {
        Element reply = server.iq(alice, "get", "alice@example.com", Element.empty("query", DiscoModule.ITEMS));
        assertThat(reply.attr("type")).isEqualTo("result");
        assertThat(reply.child("query", DiscoModule.ITEMS).elements()).isEmpty();
    }
}
