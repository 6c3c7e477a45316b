package im.tern.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of a server process, from {@code /proc/PID/status}. */
final class ServerMemory {
    private ServerMemory() {}

    /** VmRSS of the process in KiB, or -1 when there is no such process (or no pid was given). */
    static long rssKib(long pid) {
        if (pid <= 0) return -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
