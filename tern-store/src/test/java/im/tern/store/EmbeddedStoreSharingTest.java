package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.core.auth.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator CLI opens the data directory while the server holds it (H2 AUTO_SERVER). */
class EmbeddedStoreSharingTest {
    @TempDir
    Path dataDir;

    @Test
    void twoDatabasesOnOneDirectoryInOneJvmSeeEachOthersWrites() {
        try (Database server = Database.open(StoreConfig.embedded(dataDir));
             Database cli = Database.open(StoreConfig.embedded(dataDir))) {
            cli.store(UserStore.class).create("alice", Credentials.fromPassword("pw"));
            server.store(DocumentStore.class).put("alice", "vcard-temp", "<vCard xmlns='vcard-temp'/>");

            assertThat(server.store(UserStore.class).exists("alice")).isTrue();
            assertThat(cli.store(DocumentStore.class).get("alice", "vcard-temp")).isPresent();
        }
    }

    @Test
    void anotherProcessReadsAndWritesWhileThisOneHoldsTheStore() throws Exception {
        try (Database server = Database.open(StoreConfig.embedded(dataDir))) {
            UserStore users = server.store(UserStore.class);
            users.create("alice", Credentials.fromPassword("pw"));

            String output = runSecondProcess(List.of(), dataDir.toString(), "alice", "bob");

            assertThat(output).contains("exists alice=true", "created bob=true").doesNotContain("exit=");
            assertThat(users.exists("bob")).isTrue();
            assertThat(users.credentials("bob").orElseThrow().sha256().matches("pw")).isTrue();
        }
    }

    @Test
    @SuppressWarnings("try") // the store is only held open, so that its TCP server runs
    void storeServerListensOnLoopbackOnly() throws Exception {
        try (Database server = Database.open(StoreConfig.embedded(dataDir))) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(dataDir.resolve("tern.lock.db"))) {
                lock.load(in);
            }
            String address = lock.getProperty("server");
            String host = address.substring(0, address.lastIndexOf(':'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));

            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("advertised %s", address).isTrue();
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThat(connects(other, port)).as("reachable on %s:%d", other, port).isFalse();
            }
        }
    }

    @Test
    void storeRefusesToOpenWhenH2WouldListenBeyondLoopback() throws Exception {
        String output = runSecondProcess(List.of("-Dh2.bindAddress=0.0.0.0"), dataDir.toString(), "alice", "bob");

        assertThat(output).contains("exit=1", "IllegalStateException", "h2.bindAddress=127.0.0.1");
        assertThat(dataDir.resolve("tern.mv.db")).doesNotExist();
    }

    /** Runs {@link SecondProcessMain} in a new JVM; returns its output and, when it failed, its exit code. */
    private static String runSecondProcess(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        // Surefire may hand the forked JVM a manifest-only jar; it names the real test class path here.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath));
        command.addAll(jvmOptions);
        command.add(SecondProcessMain.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("second process finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? output : output + "\nexit=" + process.exitValue();
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(EmbeddedStoreSharingTest::isUp)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLoopbackAddress()).toList();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
