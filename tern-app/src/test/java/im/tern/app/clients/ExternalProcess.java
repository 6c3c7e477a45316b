package im.tern.app.clients;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program run by a test, its stdout and stderr together in a file so it never blocks on a full
 * pipe. Closing it kills the program and everything it started; every wait is bounded.
 */
final class ExternalProcess implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path output;

    private ExternalProcess(List<String> command, Process process, Path output) {
        this.command = command;
        this.process = process;
        this.output = output;
    }

    /** Starts {@code command} in {@code dir} with {@code env} added, writes {@code stdin} (may be empty) and closes it. */
    static ExternalProcess start(List<String> command, Map<String, String> env, Path dir, String stdin) throws IOException {
        Path output = Files.createTempFile(dir, Path.of(command.get(0)).getFileName().toString() + "-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(UTF_8));
        } catch (IOException ignored) {
            // the program exited or closed its input early; its exit code and output tell the story
        }
        return new ExternalProcess(command, process, output);
    }

    /** Runs a short command to completion and returns its output; fails if it exits non-zero or overruns. */
    static String run(List<String> command, Map<String, String> env, Path dir, Duration timeout) throws Exception {
        try (ExternalProcess p = start(command, env, dir, "")) {
            int code = p.awaitExit(timeout);
            if (code != 0) fail(p.describe() + " exited with " + code + ":\n" + p.output());
            return p.output();
        }
    }

    /** Waits for the program to exit and returns its exit code; fails (after killing it) if it overruns. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            fail(describe() + " did not exit within " + timeout + ". Output:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(output, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        return String.join(" ", command);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
