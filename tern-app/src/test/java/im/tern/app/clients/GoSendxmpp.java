package im.tern.app.clients;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The go-sendxmpp command line, pointed at a Tern on loopback over STARTTLS and accepting its
 * self-signed certificate ({@code --no-tls-verify}), with its home (and so its config) in a temp dir.
 */
final class GoSendxmpp {
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final Path binary;
    private final Path home;
    private final int port;

    GoSendxmpp(Path home, int port) {
        this.binary = InstalledClient.require("go-sendxmpp");
        this.home = home;
        this.port = port;
    }

    /** Sends {@code body} from {@code jid} to {@code to}, as {@code echo body | go-sendxmpp ... to}; returns the exit code. */
    int send(String jid, String password, String to, String body) throws Exception {
        List<String> command = command(jid, password);
        command.add(to);
        try (ExternalProcess p = ExternalProcess.start(command, env(), home, body + "\n")) {
            return p.awaitExit(EXIT_TIMEOUT);
        }
    }

    /** Starts {@code go-sendxmpp --listen} with the XML it receives on stdout too ({@code --debug}); the caller closes it. */
    ExternalProcess listen(String jid, String password) throws Exception {
        List<String> command = command(jid, password);
        command.add("--listen");
        command.add("--debug");
        return ExternalProcess.start(command, env(), home, "");
    }

    private List<String> command(String jid, String password) {
        return new ArrayList<>(List.of(binary.toString(), "--username", jid, "--password", password,
                "--jserver", "127.0.0.1:" + port, "--no-tls-verify", "--timeout", "20"));
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString());
    }
}
