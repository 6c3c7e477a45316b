package im.tern.server.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.auth.Credentials;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Phase;
import im.tern.server.module.HookRegistry;
import im.tern.server.module.IqHandlerRegistry;
import im.tern.server.module.ServiceRegistry;
import im.tern.server.session.Connection;
import im.tern.server.session.LocalSession;
import im.tern.server.session.SessionRegistry;
import im.tern.store.Database;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing rules without sockets: real registries and store, sessions that keep what they are sent. */
class StanzaRouterTest {
    @TempDir static Path dir;
    static Database db;
    static ExecutorService blocking;

    final SessionRegistry sessions = new SessionRegistry();
    final HookRegistry hooks = new HookRegistry();
    final StanzaRouter router = new StanzaRouter(Jid.of("tern.test"), sessions,
            new AccountDirectory(db.store(UserStore.class), sessions, blocking), new IqDispatcher(new IqHandlerRegistry()), hooks);

    static final class Inbox implements Connection {
        final List<Element> got = new CopyOnWriteArrayList<>();

        @Override
        public void send(Element stanza) { got.add(stanza); }

        @Override
        public void send(Element original, byte[] serialised) {
            got.add(Element.builder("serialised", "").text(new String(serialised, java.nio.charset.StandardCharsets.UTF_8)).build());
        }

        @Override
        public void close(String condition) {}
    }

    @BeforeAll
    static void open() {
        db = Database.open(StoreConfig.embedded(dir));
        Credentials c = Credentials.fromPassword("pw", 4096);
        for (String u : List.of("alice", "bob")) db.store(UserStore.class).create(u, c);
        blocking = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        blocking.shutdown();
        db.close();
    }

    private Inbox online(String jid, Integer priority) {
        Inbox inbox = new Inbox();
        LocalSession s = new LocalSession(Jid.of(jid), inbox);
        if (priority != null) {
            s.setPresence(Element.builder("presence", "jabber:client").textChild("priority", priority.toString()).build());
        }
        sessions.bind(s);
        return inbox;
    }

    private void route(String xml) {
        router.routeAsync(Stanza.of(parse(xml))).toCompletableFuture().join();
    }

    /** Tiny builder for the test stanzas: a message or presence with attributes. */
    private static Element parse(String spec) {
        String[] parts = spec.split(" ");
        Element.Builder b = Element.builder(parts[0], "jabber:client");
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            b.attr(kv[0], kv[1]);
        }
        if (parts[0].equals("message")) b.textChild("body", "hi");
        return b.build();
    }

    @Test
    void stanzasToAServedDomainAndItsJidsGoToItsHandlerAndOtherDomainsStayRemote() {
        ServiceRegistry services = new ServiceRegistry();
        List<Stanza> served = new CopyOnWriteArrayList<>();
        services.serve(Jid.of("groups.tern.test"), stanza -> {
            served.add(stanza);
            return CompletableFuture.completedFuture(true);
        });
        StanzaRouter withServices = new StanzaRouter(Jid.of("tern.test"), sessions,
                new AccountDirectory(db.store(UserStore.class), sessions, blocking), new IqDispatcher(new IqHandlerRegistry()),
                hooks, services);
        Inbox alice = online("alice@tern.test/phone", 0);
        for (String to : List.of("groups.tern.test", "team@groups.tern.test", "team@groups.tern.test/alice", "other.test")) {
            withServices.routeAsync(Stanza.of(parse("message from=alice@tern.test/phone to=" + to))).toCompletableFuture().join();
        }
        assertThat(served).extracting(st -> st.to().toString())
                .containsExactly("groups.tern.test", "team@groups.tern.test", "team@groups.tern.test/alice");
        assertThat(alice.got).hasSize(1);
        assertThat(alice.got.get(0).attr("type")).isEqualTo("error");
        assertThat(alice.got.get(0).attr("from")).isEqualTo("other.test");
        assertThatThrownBy(() -> services.serve(Jid.of("groups.tern.test"), st -> null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void messageToBareJidGoesToAvailableResourcesWithNonNegativePriority() {
        Inbox high = online("bob@tern.test/high", 5);
        Inbox zero = online("bob@tern.test/zero", 0);
        Inbox negative = online("bob@tern.test/negative", -1);
        Inbox noPresence = online("bob@tern.test/quiet", null);
        Inbox alice = online("alice@tern.test/a", 0);

        route("message type=chat from=alice@tern.test/a to=bob@tern.test");

        assertThat(high.got).hasSize(1);
        assertThat(zero.got).hasSize(1);
        assertThat(negative.got).isEmpty();
        assertThat(noPresence.got).isEmpty();
        assertThat(alice.got).isEmpty();
    }

    @Test
    void undeliverableChatIsAnsweredUnlessAHookTakesIt() {
        Inbox alice = online("alice@tern.test/a", 0);
        route("message type=chat from=alice@tern.test/a to=bob@tern.test");
        assertThat(alice.got).singleElement().satisfies(e -> assertThat(e.toXml()).contains("service-unavailable"));

        hooks.on(Events.UndeliverableMessage.class, Phase.HANDLE, e -> Hook.STOP);
        route("message type=chat from=alice@tern.test/a to=bob@tern.test");
        assertThat(alice.got).hasSize(1);
    }

    @Test
    void undeliverableHeadlineIsDroppedSilently() {
        Inbox alice = online("alice@tern.test/a", 0);
        route("message type=headline from=alice@tern.test/a to=bob@tern.test");
        assertThat(alice.got).isEmpty();
    }

    @Test
    void groupchatToABareJidIsServiceUnavailable() {
        Inbox alice = online("alice@tern.test/a", 0);
        Inbox bob = online("bob@tern.test/b", 0);
        route("message type=groupchat from=alice@tern.test/a to=bob@tern.test");
        assertThat(bob.got).isEmpty();
        assertThat(alice.got).singleElement().satisfies(e -> assertThat(e.toXml()).contains("service-unavailable"));
    }

    @Test
    void messageToAnOfflineFullJidFallsBackToTheBareJid() {
        online("alice@tern.test/a", 0);
        Inbox other = online("bob@tern.test/other", 0);
        route("message type=chat from=alice@tern.test/a to=bob@tern.test/gone");
        assertThat(other.got).hasSize(1);
    }

    @Test
    void inboundHookCanStopDelivery() {
        Inbox bob = online("bob@tern.test/b", 0);
        hooks.on(Events.InboundStanza.class, Phase.BEFORE, e -> Hook.STOP);
        route("message type=chat from=alice@tern.test/a to=bob@tern.test/b");
        route("presence from=alice@tern.test/a to=bob@tern.test");
        assertThat(bob.got).isEmpty();
    }

    @Test
    void presenceToAnUnknownAccountOrAnotherDomainIsDropped() {
        Inbox alice = online("alice@tern.test/a", 0);
        route("presence from=alice@tern.test/a to=nobody@tern.test");
        route("presence from=alice@tern.test/a to=x@elsewhere.example");
        route("presence type=subscribe from=alice@tern.test/a to=nobody@tern.test");
        assertThat(alice.got).isEmpty();
    }

    @Test
    void availablePresenceToABareJidReachesEveryAvailableResource() {
        Inbox bob = online("bob@tern.test/b", -1);
        Inbox quiet = online("bob@tern.test/quiet", null);
        route("presence from=alice@tern.test/a to=bob@tern.test");
        assertThat(bob.got).hasSize(1);
        assertThat(quiet.got).isEmpty();
    }

    @Test
    void iqResultsToTheServerAreConsumed() {
        Inbox alice = online("alice@tern.test/a", 0);
        route("iq type=result id=1 from=alice@tern.test/a to=tern.test");
        route("iq type=error id=2 from=alice@tern.test/a to=tern.test");
        assertThat(alice.got).isEmpty();
    }
}
