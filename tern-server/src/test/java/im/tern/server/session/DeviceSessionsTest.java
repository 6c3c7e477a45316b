package im.tern.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.Jid;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.module.Session;
import im.tern.server.testing.RawClient;
import im.tern.server.testing.TestServer;
import im.tern.store.DeviceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linked devices on a real server: each session knows which device's token logged it in, so closing the sessions
 * of one device leaves the others running, and one device cannot resume another's session.
 */
class DeviceSessionsTest {
    private static final Jid ALICE = Jid.of("alice@tern.test");

    @TempDir Path dir;

    private static void link(TestServer server, String device, String token) {
        DeviceStore devices = server.devices();
        var account = devices.credentials("alice").orElseThrow().primary();
        devices.add("alice", new DeviceStore.Device(device, device, Instant.now()), account.withPassword(token), 4);
    }

    private static RawClient loginScram(TestServer server, String token, String resource) throws Exception {
        RawClient c = RawClient.connect(server.port());
        c.open();
        c.startTls();
        assertThat(c.authScram(ScramAlgorithm.SHA_256, "alice", token)).contains("<success");
        c.open();
        c.bind(resource);
        c.send("<presence/>");
        c.sync();
        return c;
    }

    private static Map<String, String> devicesByResource(TestServer server) {
        return server.server().sessions().of(ALICE).stream()
                .collect(Collectors.toMap(s -> s.jid().resource(), Session::device));
    }

    @Test
    void eachSessionKnowsItsDeviceAndClosingOneDevicesSessionsLeavesTheOthers() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            link(server, "web1", "web-token");
            link(server, "cli1", "cli-token");
            try (RawClient phone = server.login("alice", "phone");
                 RawClient web = loginScram(server, "web-token", "web");
                 RawClient webTab = RawClient.connect(server.port()).loginPlain("alice", "web-token", "web-tab");
                 RawClient cli = loginScram(server, "cli-token", "cli")) {
                assertThat(devicesByResource(server)).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "phone", AccountCredentials.PRIMARY, "web", "web1", "web-tab", "web1", "cli", "cli1"));

                for (Session s : server.server().sessions().of(ALICE)) {
                    if (s.device().equals("web1")) s.close("not-authorized", "this device was unlinked <by you>");
                }

                String closed = web.expectClosed();
                assertThat(closed).contains("<not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>")
                        .contains("<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>"
                                + "this device was unlinked &lt;by you&gt;</text>");
                assertThat(webTab.expectClosed()).contains("this device was unlinked");
                phone.sync();
                cli.sync();
                assertThat(devicesByResource(server)).containsOnlyKeys("phone", "cli");
            }
        }
    }

    @Test
    void aSessionsEndCompletesOnceItHasEnded() throws Exception {
        try (TestServer server = TestServer.start(dir); RawClient phone = server.login("alice", "phone")) {
            Session s = server.server().sessions().get(ALICE.withResource("phone"));
            var ended = s.ended().toCompletableFuture();
            assertThat(ended).isNotDone();
            s.close("not-authorized");
            phone.expectClosed();
            ended.get(10, TimeUnit.SECONDS);
            assertThat(s.ended().toCompletableFuture()).isDone(); // asked after the end: done at once
        }
    }

    @Test
    void oneDeviceCannotResumeAnotherDevicesSession() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            link(server, "web1", "web-token");
            try (RawClient phone = server.login("alice", "phone");
                 RawClient intruder = RawClient.connect(server.port());
                 RawClient again = RawClient.connect(server.port())) {
                phone.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
                String id = attr(phone.expect("/>"), "id");
                phone.abort();

                intruder.authenticate("alice", "web-token");
                intruder.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
                assertThat(intruder.expect("</failed>")).contains("item-not-found");

                again.authenticate("alice", TestServer.PASSWORD);
                again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + id + "' h='0'/>");
                assertThat(again.expect("/>")).contains("<resumed");
            }
        }
    }

    private static String attr(String element, String name) {
        Matcher m = Pattern.compile(name + "=[\"']([^\"']+)[\"']").matcher(element);
        if (!m.find()) throw new AssertionError("no " + name + " in " + element);
        return m.group(1);
    }
}
