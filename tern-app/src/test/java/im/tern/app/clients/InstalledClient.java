package im.tern.app.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A client program found on the PATH. A test whose program is missing is skipped with the reason,
 * except under {@code CI=true}, where it fails: CI installs them with {@code .ci/install-clients.sh}.
 */
final class InstalledClient {
    private InstalledClient() {}

    static Path require(String program) {
        Optional<Path> found = find(program);
        if (found.isPresent()) return found.get();
        String reason = program + " is not installed (run .ci/install-clients.sh)";
        if ("true".equals(System.getenv("CI"))) fail(reason + "; under CI=true every client must be present");
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
