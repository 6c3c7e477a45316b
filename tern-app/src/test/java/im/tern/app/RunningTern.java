package im.tern.app;

import im.tern.core.auth.Credentials;
import im.tern.store.UserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.TLSUtils;

/**
 * A real Tern server on loopback with free ports and a fresh data directory, and Smack connections
 * to it. Close it to stop the server and disconnect every connection it made.
 */
public final class RunningTern implements AutoCloseable {
    public static final String DOMAIN = "tern.test";

    public final TernServer server;
    final Path data;
    private final List<AbstractXMPPConnection> connections = new ArrayList<>();

    private RunningTern(TernServer server, Path data) {
        this.server = server;
        this.data = data;
    }

    public static RunningTern start() throws Exception {
        return start(cfg -> {});
    }

    static RunningTern start(java.util.function.Consumer<TernConfig> tweak) throws Exception {
        return startOn(Files.createTempDirectory("tern-it"), tweak);
    }

    /** A new server on the data directory of a stopped one. */
    static RunningTern restartOn(Path data) throws Exception {
        return startOn(data, cfg -> {});
    }

    private static RunningTern startOn(Path data, java.util.function.Consumer<TernConfig> tweak) throws Exception {
        return startOn(data, tweak, java.time.Clock.systemUTC());
    }

    /** A new server whose modules read {@code clock} (a {@link TestClock} to move time forward). */
    static RunningTern start(java.util.function.Consumer<TernConfig> tweak, java.time.Clock clock) throws Exception {
        return startOn(Files.createTempDirectory("tern-it"), tweak, clock);
    }

    private static RunningTern startOn(Path data, java.util.function.Consumer<TernConfig> tweak, java.time.Clock clock)
            throws Exception {
        TernConfig cfg = new TernConfig();
        cfg.domain = DOMAIN;
        cfg.data = data;
        cfg.bind = "127.0.0.1";
        cfg.ports.c2s = 0;
        cfg.ports.tls = 0;
        cfg.ports.http = 0;
        tweak.accept(cfg);
        return new RunningTern(new TernServer(cfg, clock).start(), data);
    }

    public void addUser(String name, String password) {
        server.database().store(UserStore.class).create(name, Credentials.fromPassword(password));
    }

    /** A logged-in connection over STARTTLS, trusting the server's self-signed certificate. */
    public XMPPTCPConnection login(String user, String password, String resource) throws Exception {
        XMPPTCPConnection c = connection(config(user, password, resource).build());
        c.connect().login();
        return c;
    }

    XMPPTCPConnectionConfiguration.Builder config(String user, String password, String resource) throws Exception {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(DOMAIN)
                .setHost("127.0.0.1")
                .setPort(server.c2sPort())
                .setUsernameAndPassword(user, password)
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setSendPresence(true);
        TLSUtils.acceptAllCertificates(b);
        TLSUtils.disableHostnameVerificationForTlsCertificates(b);
        return b;
    }

    XMPPTCPConnection connection(XMPPTCPConnectionConfiguration config) {
        XMPPTCPConnection c = new XMPPTCPConnection(config);
        synchronized (connections) {
            connections.add(c);
        }
        return c;
    }

    @Override
    public void close() {
        synchronized (connections) {
            for (AbstractXMPPConnection c : connections) c.disconnect();
        }
        server.close();
    }
}
