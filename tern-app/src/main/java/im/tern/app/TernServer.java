package im.tern.app;

import im.tern.server.ServerConfig;
import im.tern.server.XmppServer;
import im.tern.store.Database;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running Tern: the store, the XMPP server with the enabled modules. Used by {@code tern server} and tests. */
public final class TernServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TernServer.class);

    private final TernConfig config;
    private final Clock clock;
    private Database database;
    private XmppServer xmpp;

    public TernServer(TernConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With the clock the modules read: tests pass one they move forward. */
    public TernServer(TernConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public TernServer start() throws Exception {
        database = Stores.open(config);
        try {
            xmpp = new XmppServer(serverConfig(config), database, EnabledModules.list(config, () -> xmpp.httpPort()), clock);
            xmpp.start();
        } catch (Exception e) {
            database.close();
            throw e;
        }
        return this;
    }

    public int c2sPort() { return xmpp.c2sPort(); }

    public int tlsPort() { return xmpp.tlsPort(); }

    /** The HTTP port (health, host-meta, XMPP over WebSocket), or -1 when it is off. */
    public int httpPort() { return xmpp.httpPort(); }

    public String domain() { return config.domain; }

    public Database database() { return database; }

    @Override
    public void close() {
        if (xmpp != null) {
            try {
                xmpp.stop();
            } catch (RuntimeException e) {
                LOG.warn("error while stopping the XMPP server", e);
            }
        }
        if (database != null) database.close();
    }

    static ServerConfig serverConfig(TernConfig c) {
        TernConfig.Limits l = c.limits;
        ServerConfig.Tls tls = c.tls.certificate != null
                ? ServerConfig.Tls.pem(c.tls.certificate, c.tls.key)
                : ServerConfig.Tls.selfSigned(c.data);
        ServerConfig sc = ServerConfig.defaults(c.domain, c.data)
                .withBindAddress(c.bind)
                .withPorts(c.ports.c2s, c.ports.tls)
                .withHttpPort(c.ports.http)
                .withHttpTls(c.http.tls)
                .withTls(tls.withStarttlsRequired(c.tls.required))
                .withLimits(ServerConfig.Limits.DEFAULT
                        .withMaxStanzaBytes(l.maxStanzaBytes)
                        .withTimeouts(Duration.ofSeconds(l.authTimeoutSeconds), Duration.ofSeconds(l.idleTimeoutSeconds))
                        .withUnauthenticatedPerIp(l.unauthenticatedPerIp)
                        .withReadBytesPerSecond(l.readBytesPerSecond)
                        .withAuthFailures(l.maxAuthFailures, Duration.ofSeconds(l.authFailureWindowSeconds))
                        .withStreamManagement(Duration.ofSeconds(c.messages.resumeTimeoutSeconds), c.messages.maxUnacked));
        return l.blockingThreads > 0 ? sc.withBlockingThreads(l.blockingThreads) : sc;
    }
}
