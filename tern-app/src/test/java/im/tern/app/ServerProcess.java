package im.tern.app;

import im.tern.core.auth.Credentials;
import im.tern.store.Database;
import im.tern.store.UserStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.TLSUtils;

/**
 * {@code tern server} in a JVM of its own, so a test can kill it with SIGKILL the way a crash or the
 * kernel's OOM killer would, and start it again on the same data directory.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("tern listening c2s=(\\d+)");

    private final Path data;
    private final Path config;
    private Process process;
    private int port;

    private ServerProcess(Path data, Path config) {
        this.data = data;
        this.config = config;
    }

    /** A data directory with these users (password "pw") and a config; not started yet. */
    static ServerProcess prepare(Path dir, String extraYaml, String... users) throws IOException {
        Path data = dir.resolve("data");
        Path config = dir.resolve("tern.yaml");
        Files.writeString(config, "domain: " + RunningTern.DOMAIN + "\ndata: " + data + "\nbind: 127.0.0.1\n"
                + "ports: {c2s: 0, tls: -1, http: -1}\n" + extraYaml);
        TernConfig cfg = new TernConfig();
        cfg.data = data;
        cfg.domain = RunningTern.DOMAIN;
        try (Database db = Stores.open(cfg)) {
            for (String u : users) db.store(UserStore.class).create(u, Credentials.fromPassword("pw", 4096));
        }
        return new ServerProcess(data, config);
    }

    /** Starts the server and waits for its "listening" line. */
    ServerProcess start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "server", "--config", config.toString()))
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) listening.complete(Integer.parseInt(m.group(1)));
                    else if (line.contains("ERROR") || line.contains("WARN") || line.contains("Exception")) System.err.println("[server] " + line);
                }
            } catch (IOException e) {
                // the process was killed
            }
            listening.completeExceptionally(new IllegalStateException("the server exited before listening"));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        port = listening.get(60, TimeUnit.SECONDS);
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int port() { return port; }

    XMPPTCPConnectionConfiguration.Builder config(String user, String resource) throws Exception {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(RunningTern.DOMAIN).setHost("127.0.0.1").setPort(port)
                .setUsernameAndPassword(user, "pw").setResource(resource)
                .setSecurityMode(SecurityMode.required).setSendPresence(true)
                .setConnectTimeout(30_000);
        TLSUtils.acceptAllCertificates(b);
        TLSUtils.disableHostnameVerificationForTlsCertificates(b);
        return b;
    }

    XMPPTCPConnection connection(String user, String resource, boolean streamManagement) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(config(user, resource).build());
        c.setUseStreamManagement(streamManagement);
        c.setUseStreamManagementResumption(streamManagement);
        c.setReplyTimeout(30_000);
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
        }
    }
}
