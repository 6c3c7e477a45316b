package im.tern.server;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import im.tern.xml.Element;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmppServerTest {
    @TempDir Path dir;

    final List<String> lifecycle = new CopyOnWriteArrayList<>();

    Module module(String name) {
        return new Module() {
            @Override
            public String name() { return name; }

            @Override
            public void start(ModuleContext ctx) {
                assertThat(ctx.domain().toString()).isEqualTo(TestServer.DOMAIN);
                lifecycle.add("start " + name);
            }

            @Override
            public void stop() { lifecycle.add("stop " + name); }
        };
    }

    @Test
    void stopEndsStreamsWithSystemShutdownAndStopsModulesInReverse() throws Exception {
        TestServer server = TestServer.start(dir, module("first"), module("second"));
        assertThat(server.port()).isPositive();
        assertThat(server.tlsPort()).isPositive().isNotEqualTo(server.port());
        try (RawClient alice = server.login("alice", "r")) {
            server.close();
            assertThat(alice.expectClosed()).contains("<system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>");
        }
        assertThat(lifecycle).containsExactly("start first", "start second", "stop second", "stop first");
    }

    @Test
    void generatesTheCertificateOnceAndReusesItOnTheNextStart() throws Exception {
        TestServer.start(dir).close();
        Path cert = dir.resolve("tls").resolve(TestServer.DOMAIN + ".crt");
        String first = Files.readString(cert);
        TestServer.start(dir.resolve("again-same-data"), c -> c.withTls(c.tls()), new Module[0]).close();
        try (TestServer again = TestServer.start(dir, c -> c)) {
            assertThat(Files.readString(cert)).isEqualTo(first);
        }
    }

    @Test
    void offersTheStreamFeaturesModulesAddAfterAuthentication() throws Exception {
        Module rosterVersioning = new Module() {
            @Override
            public String name() { return "feature"; }

            @Override
            public void start(ModuleContext ctx) {
                ctx.streamFeatures().addPostAuth(Element.empty("ver", "urn:xmpp:features:rosterver"));
            }
        };
        try (TestServer server = TestServer.start(dir, rosterVersioning); RawClient c = RawClient.connect(server.port())) {
            assertThat(c.open()).doesNotContain("rosterver");
            c.startTls();
            c.authPlain(null, "alice", TestServer.PASSWORD);
            assertThat(c.open()).contains("<ver xmlns=\"urn:xmpp:features:rosterver\"/>");
        }
    }

    @Test
    void deletingAnAccountSignsItsDevicesOutAndForgetsItsCredentials() throws Exception {
        try (TestServer server = TestServer.start(dir); RawClient carol = server.login("carol", "phone")) {
            server.users().delete("carol");
            server.server().hooks().fire(new Events.AccountDeleted(Jid.of("carol@tern.test"))).toCompletableFuture().join();
            assertThat(carol.expectClosed()).contains("<not-authorized");
            try (RawClient again = RawClient.connect(server.port())) {
                again.open();
                again.startTls();
                assertThat(again.authPlain(null, "carol", TestServer.PASSWORD)).contains("<not-authorized/>");
            }
        }
    }

    @Test
    void directTlsCanBeDisabled() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> c.withPorts(0, -1))) {
            assertThat(server.tlsPort()).isEqualTo(-1);
            assertThat(server.port()).isPositive();
        }
    }
}
