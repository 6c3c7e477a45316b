package im.tern.server.testing;

import im.tern.core.auth.Credentials;
import im.tern.core.module.Module;
import im.tern.server.ServerConfig;
import im.tern.server.XmppServer;
import im.tern.store.Database;
import im.tern.store.DeviceStore;
import im.tern.store.StoreConfig;
import im.tern.store.UserStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real server on loopback ports chosen by the OS, over the real embedded store in a temporary directory. */
public final class TestServer implements AutoCloseable {
    public static final String DOMAIN = "tern.test";
    public static final String PASSWORD = "correct horse";

    private final Database database;
    private final XmppServer server;

    private TestServer(Database database, XmppServer server) {
        this.database = database;
        this.server = server;
    }

    public static TestServer start(Path dir, Module... modules) {
        return start(dir, c -> c, modules);
    }

    public static TestServer start(Path dir, UnaryOperator<ServerConfig> tweak, Module... modules) {
        Database db = Database.open(StoreConfig.embedded(dir.resolve("store")));
        UserStore users = db.store(UserStore.class);
        // Few iterations keep the tests fast; the server reads the count from the credential.
        Credentials c = Credentials.fromPassword(PASSWORD, 4096);
        for (String name : List.of("alice", "bob", "carol", "dave")) users.create(name, c);
        ServerConfig base = ServerConfig.defaults(DOMAIN, dir).withBindAddress("127.0.0.1").withPorts(0, 0);
        // Every test client comes from 127.0.0.1: keep the per-address back-off out of the way unless a test sets it.
        base = base.withLimits(base.limits().withAuthFailures(1000, java.time.Duration.ofMinutes(5)));
        ServerConfig config = tweak.apply(base);
        XmppServer server = new XmppServer(config, db, List.of(modules));
        server.start();
        return new TestServer(db, server);
    }

    public XmppServer server() { return server; }

    public int port() { return server.c2sPort(); }

    public int tlsPort() { return server.tlsPort(); }

    public UserStore users() { return database.store(UserStore.class); }

    public DeviceStore devices() { return database.store(DeviceStore.class); }

    /** A raw client that has done STARTTLS, PLAIN and bound {@code resource}. */
    public RawClient login(String user, String resource) throws Exception {
        RawClient c = RawClient.connect(port());
        c.loginPlain(user, PASSWORD, resource);
        return c;
    }

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
