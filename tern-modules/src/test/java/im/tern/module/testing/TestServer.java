package im.tern.module.testing;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.auth.Credentials;
import im.tern.core.module.Disco;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Router;
import im.tern.core.module.Sessions;
import im.tern.core.module.StreamFeatures;
import im.tern.store.Database;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import im.tern.xml.Element;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A server for module tests: the module API implemented in memory over the real embedded store.
 * Each call that acts as a client ({@link #send}, {@link #login}, {@link #logout}) returns once
 * everything it set off has finished, so a test then reads what each session received.
 */
public final class TestServer implements ModuleContext, AutoCloseable {
    private static final Credentials PASSWORD = Credentials.fromPassword("secret");

    private final Jid domain = Jid.domain("example.com");
    private final Database database;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final InFlight inFlight = new InFlight();
    private final Executor blocking = inFlight.track(pool);
    private final TestDisco disco = new TestDisco();
    private final TestIqHandlers iq = new TestIqHandlers();
    private final im.tern.server.module.FeatureRegistry features = new im.tern.server.module.FeatureRegistry();
    private final im.tern.server.module.HttpRouteRegistry http = new im.tern.server.module.HttpRouteRegistry();
    private final TestHooks hooks = new TestHooks();
    private final TestSessions sessions = new TestSessions();
    private final im.tern.server.module.ServiceRegistry services = new im.tern.server.module.ServiceRegistry();
    private final TestRouter router;
    private final List<Module> modules;
    private final Clock clock;
    private int ids;

    public TestServer(Path dataDir, Module... modules) {
        this(dataDir, Clock.systemUTC(), modules);
    }

    /** With the clock the modules read: pass a {@link ManualClock} to move time forward. */
    public TestServer(Path dataDir, Clock clock, Module... modules) {
        this.clock = clock;
        this.database = Database.open(StoreConfig.embedded(dataDir));
        this.router = new TestRouter(domain, sessions, database.store(UserStore.class), iq, hooks, blocking, inFlight, services);
        this.modules = List.of(modules);
        for (Module m : modules) m.start(this);
    }

    /** Creates the account unless it exists; usernames are localparts. */
    public Jid account(String user) {
        database.store(UserStore.class).create(user, PASSWORD);
        return Jid.of(user, domain.domain(), null);
    }

    /** Binds a resource of the account (created if needed), as the server does after SASL and bind. */
    public TestSession login(String user, String resource) {
        return login(user, resource, im.tern.core.auth.AccountCredentials.PRIMARY);
    }

    /** As {@link #login(String, String)}, for a session logged in with a linked device's token. */
    public TestSession login(String user, String resource, String device) {
        TestSession s = new TestSession(account(user).withResource(resource), device);
        sessions.add(s);
        await(hooks.fire(new Events.SessionBound(s)));
        return s;
    }

    /** Ends the session: it leaves the session list, then SessionClosed fires with its last presence. */
    public void logout(TestSession s) {
        var lastPresence = s.presence();
        sessions.remove(s);
        await(hooks.fire(new Events.SessionClosed(s, lastPresence)));
    }

    /** A stanza from the session's client: stamped with its full JID, offered to the ClientStanza hooks, then routed. */
    public void send(TestSession from, Element stanza) {
        Stanza stamped = Stanza.of(stanza.withAttr("from", from.jid().toString()));
        await(hooks.fire(new Events.ClientStanza(from, stamped)).thenCompose(outcome ->
                outcome == Hook.Outcome.STOP ? Hook.CONTINUE : router.routeAsync(stamped).thenApply(v -> outcome)));
    }

    /** Sends an IQ and returns the reply with its id, leaving anything else in the session's queue. */
    public Element iq(TestSession from, String type, String to, Element payload) {
        String id = "q" + (++ids);
        send(from, Element.builder("iq", "jabber:client").attr("type", type).attr("id", id).attr("to", to)
                .child(payload).build());
        for (Element e : List.copyOf(from.received())) {
            if (e.name().equals("iq") && id.equals(e.attr("id"))) {
                from.received().remove(e);
                return e;
            }
        }
        throw new AssertionError("no reply to " + id + "; received " + from.received());
    }

    /** A stanza arriving from elsewhere with its {@code from} set: routed, then waited for. */
    public void deliver(Stanza stanza) {
        await(router.routeAsync(stanza));
    }

    /** Waits until nothing the server set off (blocking tasks, routing) is still under way. */
    public void awaitQuiet() {
        inFlight.awaitQuiet(Duration.ofSeconds(10));
    }

    /** Fires an event as the core would and waits for everything it set off. */
    public Hook.Outcome fire(Object event) {
        return await(hooks.fire(event));
    }

    private <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        T result = inFlight.track(() -> stage).toCompletableFuture().join();
        inFlight.awaitQuiet(Duration.ofSeconds(10));
        return result;
    }

    @Override
    public Jid domain() { return domain; }

    @Override
    public Disco disco() { return disco; }

    @Override
    public IqHandlers iq() { return iq; }

    @Override
    public StreamFeatures streamFeatures() { return features; }

    @Override
    public Hooks hooks() { return hooks; }

    @Override
    public Router router() { return router; }

    @Override
    public im.tern.core.module.Services services() { return services; }

    @Override
    public Sessions sessions() { return sessions; }

    @Override
    public <T> T store(Class<T> type) { return database.store(Objects.requireNonNull(type)); }

    @Override
    public Executor blocking() { return blocking; }

    /** The modules' HTTP routes; a test calls a handler through {@link im.tern.server.module.HttpRouteRegistry#match}. */
    @Override
    public im.tern.server.module.HttpRouteRegistry http() { return http; }

    @Override
    public Clock clock() { return clock; }

    @Override
    public void close() {
        for (int i = modules.size() - 1; i >= 0; i--) modules.get(i).stop();
        pool.shutdownNow();
        database.close();
    }
}
