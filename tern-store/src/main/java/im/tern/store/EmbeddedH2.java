package im.tern.store;

import com.zaxxer.hikari.HikariConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The embedded backend: an H2 file in mixed mode ({@code AUTO_SERVER}), so the operator CLI can open
 * the data directory while the server has it. The first process to open the file serves it to the
 * others over TCP; that server must listen on loopback only.
 */
final class EmbeddedH2 {
    static final String BIND_ADDRESS = "h2.bindAddress";

    static {
        // H2 reads this once, when its SysProperties class loads: set it before any H2 class is touched.
        if (System.getProperty(BIND_ADDRESS) == null) System.setProperty(BIND_ADDRESS, "127.0.0.1");
    }

    private EmbeddedH2() {}

    static HikariConfig hikari(Path dataDir) {
        requireLoopbackBinding();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url(dataDir));
        hikari.setUsername("tern");
        hikari.setPassword("");
        return hikari;
    }

    /**
     * WRITE_DELAY=0: H2 has no redo log, and by default writes committed changes up to half a second later,
     * so a killed process lost about 1,600 acknowledged commits in a test; with 0 every commit reaches the
     * file before it returns (messages are batched into few commits, see GroupCommit).
     */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tern")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                + ";WRITE_DELAY=0";
    }

    /** Refuses to open when H2 was loaded earlier with a non-loopback (or no) bind address. */
    private static void requireLoopbackBinding() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        try {
            if (bound != null && InetAddress.getByName(bound).isLoopbackAddress()) return;
        } catch (UnknownHostException e) {
            // falls through to the refusal
        }
        throw new IllegalStateException("the embedded store's TCP server would listen on " + (bound == null ? "all interfaces" : bound)
                + ": start the JVM with -D" + BIND_ADDRESS + "=127.0.0.1 or open the store before anything loads H2");
    }
}
