package im.tern.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time used so far by the server (from {@code /proc/PID/stat}) and by this generator. */
final class ProcessCpu {
    /** Linux reports utime and stime in clock ticks; 100 per second on every common kernel build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {}

    /** CPU nanoseconds (user + system) of the process, or -1 when it cannot be read. */
    static long serverNanos(long pid) {
        if (pid <= 0) return -1;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU nanoseconds used by this JVM, or -1. */
    static long generatorNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Percent of one core used between two readings over {@code wallNanos}; -1 when unknown. */
    static double percent(long before, long after, long wallNanos) {
        return before < 0 || after < 0 || wallNanos <= 0 ? -1 : 100.0 * (after - before) / wallNanos;
    }
}
