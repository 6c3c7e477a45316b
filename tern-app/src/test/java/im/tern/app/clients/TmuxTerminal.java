package im.tern.app.clients;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 200x50 terminal for a full-screen program, on a private tmux server (its own socket in a temp
 * dir): type into it as a user would and read the screen back. Closing it kills tmux and the program.
 */
final class TmuxTerminal implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final String SESSION = "client";

    private final Path tmux;
    private final Path dir;
    private final Path socket;
    private long programPid = -1;

    private TmuxTerminal(Path tmux, Path dir) {
        this.tmux = tmux;
        this.dir = dir;
        this.socket = dir.resolve("tmux.sock");
    }

    /** Runs {@code command} with {@code env} added in a new terminal; working directory and tmux socket in {@code dir}. */
    static TmuxTerminal open(Path dir, Map<String, String> env, List<String> command) throws Exception {
        TmuxTerminal terminal = new TmuxTerminal(InstalledClient.require("tmux"), dir);
        try {
            List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "50", "env"));
            env.forEach((k, v) -> args.add(k + "=" + v));
            args.addAll(command);
            terminal.tmux(args);
            terminal.programPid = Long.parseLong(terminal.tmux(List.of("display-message", "-p", "-t", SESSION, "#{pane_pid}")).trim());
            return terminal;
        } catch (Exception | Error e) {
            terminal.close();
            throw e;
        }
    }

    /** Types {@code line} and presses Enter. */
    void typeLine(String line) throws Exception {
        tmux(List.of("send-keys", "-t", SESSION, "-l", line));
        tmux(List.of("send-keys", "-t", SESSION, "Enter"));
    }

    /** The visible screen, wrapped lines joined. */
    String screen() throws Exception {
        return tmux(List.of("capture-pane", "-p", "-J", "-t", SESSION));
    }

    private String tmux(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tmux.toString(), "-S", socket.toString()));
        command.addAll(args);
        return ExternalProcess.run(command, Map.of(), dir, COMMAND_TIMEOUT);
    }

    @Override
    public void close() {
        try {
            tmux(List.of("kill-server"));
        } catch (Exception | AssertionError ignored) {
            // already gone; the program is killed below either way
        }
        if (programPid > 0) ProcessHandle.of(programPid).ifPresent(ProcessHandle::destroyForcibly);
    }
}
