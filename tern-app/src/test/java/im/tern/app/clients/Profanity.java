package im.tern.app.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * profanity, the Debian terminal client, running in a tmux terminal with its config and data in a
 * temp dir (debug log in {@code data/profanity/logs}). Driven only through what a user types and sees.
 */
final class Profanity implements AutoCloseable {
    static final Duration SCREEN_TIMEOUT = Duration.ofSeconds(30);

    private final TmuxTerminal terminal;

    private Profanity(TmuxTerminal terminal) {
        this.terminal = terminal;
    }

    static Profanity start(Path home) throws Exception {
        Path binary = InstalledClient.require("profanity");
        Map<String, String> env = Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "TERM", "screen-256color");
        Profanity profanity = new Profanity(TmuxTerminal.open(home, env, List.of(binary.toString(), "--log", "DEBUG")));
        try {
            profanity.awaitScreen("Type /help");
            return profanity;
        } catch (Exception | Error e) {
            profanity.close();
            throw e;
        }
    }

    /**
     * Connects over STARTTLS to Tern on loopback, types the password at the prompt and accepts the
     * self-signed certificate with {@code /tls allow} as soon as profanity shows it.
     */
    void connect(String jid, String password, int port) throws Exception {
        connectUntilCertificatePrompt(jid, password, port);
        type("/tls allow");
        awaitScreen("logged in successfully");
    }

    /** Starts to connect and stops where profanity shows the untrusted certificate, mid TLS handshake. */
    void connectUntilCertificatePrompt(String jid, String password, int port) throws Exception {
        type("/connect " + jid + " server 127.0.0.1 port " + port);
        awaitScreen("Enter password:");
        type(password);
        awaitScreen("Use '/tls allow' to accept this certificate.");
    }

    void type(String line) throws Exception {
        terminal.typeLine(line);
    }

    String screen() throws Exception {
        return terminal.screen();
    }

    void awaitScreen(String text) {
        await().atMost(SCREEN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(screen()).contains(text));
    }

    @Override
    public void close() {
        terminal.close();
    }
}
