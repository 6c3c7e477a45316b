package im.tern.server;

import im.tern.core.Jid;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.Module;
import im.tern.core.module.Phase;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.server.http.HttpListener;
import im.tern.server.module.DiscoRegistry;
import im.tern.server.module.FeatureRegistry;
import im.tern.server.module.HttpRouteRegistry;
import im.tern.server.module.HookRegistry;
import im.tern.server.module.IqHandlerRegistry;
import im.tern.server.module.ServerModuleContext;
import im.tern.server.module.ServiceRegistry;
import im.tern.server.route.AccountDirectory;
import im.tern.server.route.IqDispatcher;
import im.tern.server.route.StanzaRouter;
import im.tern.server.sasl.CredentialLookup;
import im.tern.server.sasl.LoginBackoff;
import im.tern.server.sasl.SaslMechanisms;
import im.tern.server.session.SessionRegistry;
import im.tern.server.stream.C2sServices;
import im.tern.server.sm.Resumption;
import im.tern.server.sm.Sm;
import im.tern.server.stream.ServerReceipts;
import im.tern.server.session.LocalSession;
import im.tern.server.tls.ServerTls;
import im.tern.server.transport.C2sConnection;
import im.tern.server.transport.C2sListener;
import im.tern.server.transport.ConnectionTracker;
import im.tern.server.transport.EventLoops;
import im.tern.server.transport.TrackedConnection;
import im.tern.store.Database;
import im.tern.store.DeviceStore;
import im.tern.store.UserStore;
import im.tern.xml.XmlLimits;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An XMPP server: the module registries, the modules, and the client listeners (TCP, direct TLS, HTTP with
 * WebSocket). {@link #start()} builds
 * everything and binds; {@link #stop()} is graceful. A server starts once; build a new one to start again.
 * The {@link Database} belongs to the caller, which closes it after {@code stop()}.
 */
public final class XmppServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(XmppServer.class);
    /** How long account deletion waits for the account's sessions to end before the modules drop its data. */
    private static final Duration SESSION_END_WAIT = Duration.ofSeconds(10);

    private final ServerConfig config;
    private final Database database;
    private final List<Module> modules;
    private final Jid domain;
    private final Clock clock;
    private final HookRegistry hooks = new HookRegistry();
    private final SessionRegistry sessions = new SessionRegistry();
    private final IqHandlerRegistry iqHandlers = new IqHandlerRegistry();
    private final DiscoRegistry disco = new DiscoRegistry();
    private final ServiceRegistry services = new ServiceRegistry();
    private final FeatureRegistry features = new FeatureRegistry();
    private final HttpRouteRegistry httpRoutes = new HttpRouteRegistry();
    private final List<Module> started = new ArrayList<>();
    private ThreadPoolExecutor blocking;
    private StanzaRouter router;
    private EventLoops loops;
    private ConnectionTracker tracker;
    private ScheduledFuture<?> sweep;
    private C2sListener c2s;
    private C2sListener directTls;
    private HttpListener http;
    private Resumption resumption;

    public XmppServer(ServerConfig config, Database database, List<Module> modules) {
        this(config, database, modules, Clock.systemUTC());
    }

    /** With the clock modules read (tests move it forward to expire messages). */
    public XmppServer(ServerConfig config, Database database, List<Module> modules, Clock clock) {
        this.config = config;
        this.database = database;
        this.modules = List.copyOf(modules);
        this.domain = Jid.domain(config.domain());
        this.clock = clock;
    }

    /** Starts the modules and binds the listeners; throws (after undoing what it did) when it cannot. */
    public synchronized void start() {
        if (loops != null) throw new IllegalStateException("already started");
        try {
            SslContext tls = ServerTls.context(config.tls(), domain.domain());
            blocking = BlockingExecutor.create(config.blockingThreads());
            C2sServices services = services();
            startModules();
            ServerConfig.Limits limits = config.limits();
            tracker = new ConnectionTracker(limits.unauthenticatedTimeout().toNanos(), limits.idleTimeout().toNanos(),
                    limits.unauthenticatedPerIp());
            XmlLimits xmlLimits = new XmlLimits(limits.maxStanzaBytes(), limits.maxDepth(), XmlLimits.DEFAULT.maxAttributes());
            C2sConnection.Shared shared = new C2sConnection.Shared(services, xmlLimits, tls, tracker, limits.readBytesPerSecond(), limits.unauthenticatedTimeout().toMillis());
            loops = new EventLoops();
            sweep = loops.workers().next().scheduleAtFixedRate(() -> {
                tracker.sweep();
                services.backoff().sweep();
            }, 1, 1, TimeUnit.SECONDS);
            c2s = C2sListener.bind(loops, shared, config.bindAddress(), config.c2sPort(), false);
            if (config.tlsPort() >= 0) directTls = C2sListener.bind(loops, shared, config.bindAddress(), config.tlsPort(), true);
            if (config.httpPort() >= 0) {
                http = HttpListener.bind(loops, new HttpListener.Shared(services, xmlLimits, tracker, sessions::count,
                        httpRoutes, config.httpTls() ? tls : null), config.bindAddress(), config.httpPort());
            }
            log.info("serving {} on {}:{} (STARTTLS{}){}{} with {}, {} modules", domain, config.bindAddress(), c2sPort(),
                    config.tls().starttlsRequired() ? " required" : " optional",
                    directTls == null ? "" : " and " + config.bindAddress() + ":" + tlsPort() + " (direct TLS)",
                    http == null ? "" : " and " + config.bindAddress() + ":" + httpPort() + " (HTTP, WebSocket)",
                    loops.transportName(), started.size());
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            stop();
            throw new IllegalStateException("cannot set up TLS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private C2sServices services() {
        UserStore users = database.store(UserStore.class);
        AccountDirectory accounts = new AccountDirectory(users, sessions, blocking);
        CredentialLookup credentials = new CredentialLookup(database.store(DeviceStore.class), blocking);
        // A deleted account is unknown at once and its devices are signed out, before the modules drop its data:
        // a session's end writes (last activity, unacknowledged messages to the offline store), so the modules
        // run once every session has ended and its hooks are done. AFTER forgets again whatever a stanza in
        // flight made the directory remember meanwhile.
        hooks.on(Events.AccountDeleted.class, Phase.BEFORE, e -> {
            accounts.forget(e.account());
            List<CompletableFuture<Void>> ended = new ArrayList<>();
            for (Session s : sessions.of(e.account().bare())) {
                s.close("not-authorized", "this account has been deleted");
                ended.add(s.ended().toCompletableFuture());
            }
            return CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, SESSION_END_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((v, error) -> Hook.Outcome.CONTINUE);
        });
        hooks.on(Events.AccountDeleted.class, Phase.AFTER, e -> {
            accounts.forget(e.account());
            return Hook.CONTINUE;
        });
        IqDispatcher iq = new IqDispatcher(iqHandlers);
        router = new StanzaRouter(domain, sessions, accounts, iq, hooks, services);
        ServerConfig.Limits limits = config.limits();
        return new C2sServices(domain, config.tls().starttlsRequired(), sessions, router, hooks, iq, features,
                new SaslMechanisms(domain, credentials, blocking),
                new LoginBackoff(limits.maxAuthFailures(), limits.authFailureWindow()),
                resumption = new Resumption(limits.resumeTimeout(), limits.maxUnacked()));
    }

    private void startModules() {
        ServerReceipts.register(iqHandlers, sessions);
        disco.serverFeature(ServerReceipts.NS);
        disco.serverFeature(Sm.NS);
        for (Module m : modules) {
            m.start(new ServerModuleContext(m.name(), domain, disco, iqHandlers, features, hooks, router, services, sessions,
                    httpRoutes, database, blocking, clock));
            started.add(m);
        }
    }

    /**
     * Stops accepting, ends every stream with {@code <system-shutdown/>}, waits briefly for them to close,
     * stops the modules in reverse order, then the executors. Safe to call more than once.
     */
    public synchronized void stop() {
        if (c2s != null) c2s.close();
        if (directTls != null) directTls.close();
        if (http != null) http.close();
        c2s = directTls = null;
        http = null;
        if (tracker != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (var closing : tracker.all().stream().map(TrackedConnection::shutdown).toList()) {
                long left = deadline - System.nanoTime();
                if (left > 0) closing.awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
            }
        }
        if (sweep != null) sweep.cancel(false);
        // Sessions waiting to be resumed end now, so what they hold reaches the offline store first.
        for (LocalSession s : sessions.all()) if (s.detached()) s.close("system-shutdown");
        if (resumption != null) resumption.close();
        resumption = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                log.warn("module {} failed to stop", started.get(i).name(), e);
            }
        }
        started.clear();
        if (blocking != null) {
            blocking.shutdown();
            try {
                blocking.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loops != null) loops.shutdown();
        loops = null;
        tracker = null;
        blocking = null;
    }

    @Override
    public void close() { stop(); }

    /** The port the STARTTLS listener bound (useful with port 0). */
    public int c2sPort() { return c2s == null ? -1 : c2s.port(); }

    /** The port the direct-TLS listener bound, or -1 when it is disabled. */
    public int tlsPort() { return directTls == null ? -1 : directTls.port(); }

    /** The port the HTTP listener (health, host-meta, WebSocket) bound, or -1 when it is disabled. */
    public int httpPort() { return http == null ? -1 : http.port(); }

    public Jid domain() { return domain; }

    public Sessions sessions() { return sessions; }

    /** The router, for code outside modules that sends stanzas (the HTTP API, the CLI). */
    public Router router() { return router; }

    public Hooks hooks() { return hooks; }

    /** Open client connections, bound or not. */
    public int connections() { return tracker == null ? 0 : tracker.openConnections(); }
}
