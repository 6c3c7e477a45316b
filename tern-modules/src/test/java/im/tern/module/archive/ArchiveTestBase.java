package im.tern.module.archive;


import im.tern.module.testing.ManualClock;
import im.tern.module.testing.TestServer;
import im.tern.module.testing.TestSession;
import im.tern.module.testing.TestStanzas;
import im.tern.store.MessageStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A server with the archive, a clock to move, and alice and bob online: what the archive tests share. */
abstract class ArchiveTestBase {
    static final String SID = StanzaIds.NAMESPACE;

    @TempDir
    Path dir;
    ManualClock clock = new ManualClock();
    TestServer server;
    TestSession alice;
    TestSession bob;

    @BeforeEach
    void start() {
        server = new TestServer(dir, clock, new ArchiveModule(365, Duration.ofMillis(20)));
        alice = online("alice", "phone");
        bob = online("bob", "laptop");
    }

    @AfterEach
    void stop() { server.close(); }

    TestSession online(String user, String resource) {
        TestSession s = server.login(user, resource);
        s.setPresence(TestStanzas.presence());
        return s;
    }

    static Element chat(String to, String body, Element... more) {
        Element.Builder b = Element.builder("message", "jabber:client").attr("type", "chat").attr("to", to).attr("id", "m-" + body)
                .child(Element.builder("body", "jabber:client").text(body).build());
        for (Element m : more) b.child(m);
        return b.build();
    }

    /** Alice sends bob {@code n} messages "m0".."m(n-1)", a second apart. */
    void aliceSends(int n) {
        for (int i = 0; i < n; i++) {
            server.send(alice, chat("bob@example.com", "m" + i));
            clock.advance(Duration.ofSeconds(1));
        }
        bob.drain();
    }

    MessageStore store() { return server.store(MessageStore.class); }

    static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "m" + i).toList();
    }
}
