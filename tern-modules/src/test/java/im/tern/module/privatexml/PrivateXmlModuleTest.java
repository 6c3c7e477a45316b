package im.tern.module.privatexml;

import static im.tern.module.testing.TestStanzas.errorCondition;
import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.xml.Element;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateXmlModuleTest {
    static final String NS = PrivateXmlModule.NAMESPACE;
    static final String BOOKMARKS = "storage:bookmarks";

    @TempDir
    Path dir;
    TestServer server;
    TestSession alice;

    @BeforeEach
    void start() {
        server = new TestServer(dir, new PrivateXmlModule());
        alice = server.login("alice", "phone");
    }

    @AfterEach
    void stop() { server.close(); }

    static Element query(Element child) {
        return Element.builder("query", NS).child(child).build();
    }

    static Element bookmarks() {
        return Element.builder("storage", BOOKMARKS).child(Element.builder("conference", BOOKMARKS)
                .attr("jid", "room@muc.example.com").attr("autojoin", "true").build()).build();
    }

    @Test
    void storedBookmarksAreReturned() {
        assertThat(server.iq(alice, "set", null, query(bookmarks())).attr("type")).isEqualTo("result");
        Element reply = server.iq(alice, "get", null, query(Element.empty("storage", BOOKMARKS)));
        assertThat(reply.child("query", NS).child("storage", BOOKMARKS)).isEqualTo(bookmarks());
    }

    @Test
    void nothingStoredReturnsTheEmptyElementAsked() {
        Element reply = server.iq(alice, "get", null, query(Element.empty("prefs", "urn:example:prefs")));
        assertThat(reply.child("query", NS).child("prefs", "urn:example:prefs")).isEqualTo(Element.empty("prefs", "urn:example:prefs"));
    }

    @Test
    void documentsAreKeptApartByNamespace() {
        server.iq(alice, "set", null, query(bookmarks()));
        Element reply = server.iq(alice, "get", null, query(Element.empty("storage", "urn:example:other")));
        assertThat(reply.child("query", NS).child("storage", "urn:example:other").elements()).isEmpty();
    }

    @Test
    void stanzaNamespacesAreRefused() {
        for (String ns : new String[] {"jabber:client", "jabber:server", NS}) {
            Element reply = server.iq(alice, "set", null, query(Element.empty("x", ns)));
            assertThat(errorCondition(reply)).as(ns).isEqualTo("not-acceptable");
        }
    }

    @Test
    void anotherAccountsStorageIsForbidden() {
        server.iq(alice, "set", null, query(bookmarks()));
        TestSession bob = server.login("bob", "laptop");
        Element reply = server.iq(bob, "get", "alice@example.com", query(Element.empty("storage", BOOKMARKS)));
        assertThat(errorCondition(reply)).isEqualTo("forbidden");
    }

    @Test
    void emptyQueryIsBadRequest() {
        assertThat(errorCondition(server.iq(alice, "get", null, Element.empty("query", NS)))).isEqualTo("bad-request");
    }

    @Test
    void documentsGoWithTheirAccount() {
        server.iq(alice, "set", null, query(bookmarks()));
        server.fire(new Events.AccountDeleted(Jid.of("alice@example.com")));
        Element reply = server.iq(alice, "get", null, query(Element.empty("storage", BOOKMARKS)));
        assertThat(reply.child("query", NS).child("storage", BOOKMARKS).elements()).isEmpty();
    }
}
