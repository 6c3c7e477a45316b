package im.tern.bench;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line. Logs in many XMPP clients over a few event-loop threads,
 * optionally holds them idle and sends one-to-one messages at given rates, then prints what it saw.
 */
@Command(name = "tern-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "XMPP load generator: login ramp, memory per session, message rate and latency.")
public final class LoadGenerator implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server address (default ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", defaultValue = "5222", description = "c2s port (default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--domain", defaultValue = "localhost", description = "XMPP domain (default ${DEFAULT-VALUE}).")
    String domain;
    @Option(names = "--users", defaultValue = "100", description = "Sessions to open; at most ~19,000 per process (default ${DEFAULT-VALUE}).")
    int users;
    @Option(names = "--user-prefix", defaultValue = "u", description = "Usernames are PREFIX + index (default ${DEFAULT-VALUE}).")
    String userPrefix;
    @Option(names = "--first-index", defaultValue = "1", description = "Index of the first user, to split users across processes (default ${DEFAULT-VALUE}).")
    int firstIndex;
    @Option(names = "--password", defaultValue = "secret", description = "Every account's password.")
    String password;
    @Option(names = "--starttls", description = "Upgrade with STARTTLS (TLS 1.3, any certificate trusted).")
    boolean starttls;
    @Option(names = "--mechanism", defaultValue = "auto", description = "auto | SCRAM-SHA-256 | SCRAM-SHA-1 | PLAIN (default ${DEFAULT-VALUE}).")
    String mechanism;
    @Option(names = "--register", description = "Register each account in band (XEP-0077) first; 'conflict' counts as registered.")
    boolean register;
    @Option(names = "--presence", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Send initial presence after bind (default ${DEFAULT-VALUE}).")
    boolean presence;
    @Option(names = "--resource", defaultValue = "bench", description = "Resource to bind (default ${DEFAULT-VALUE}).")
    String resource;
    @Option(names = "--ramp-rate", defaultValue = "0", description = "New logins per second; 0 = as fast as the in-flight bound allows (default ${DEFAULT-VALUE}).")
    double rampRate;
    @Option(names = "--max-in-flight", defaultValue = "200", description = "Logins in progress at once (default ${DEFAULT-VALUE}).")
    int maxInFlight;
    @Option(names = "--connect-timeout", defaultValue = "30", description = "Seconds a TCP connect may take (SYNs dropped by a full backlog are retried) (default ${DEFAULT-VALUE}).")
    int connectTimeout;
    @Option(names = "--login-timeout", defaultValue = "60", description = "Seconds one login may take before it counts as failed (default ${DEFAULT-VALUE}).")
    int loginTimeout;
    @Option(names = "--hold", defaultValue = "0", description = "Seconds to hold the sessions idle after all are up (default ${DEFAULT-VALUE}).")
    double hold;
    @Option(names = "--rate", split = ",", description = "Messages/s in total; a list runs steps in order, e.g. 1000,2000,5000.")
    List<Double> rates = List.of();
    @Option(names = "--duration", defaultValue = "10", description = "Seconds of sending per rate step (default ${DEFAULT-VALUE}).")
    double duration;
    @Option(names = "--drain", defaultValue = "5", description = "Seconds to wait for in-flight messages after each step (default ${DEFAULT-VALUE}).")
    double drain;
    @Option(names = "--stop-above-p99-ms", defaultValue = "0", description = "Stop the rate steps after one whose p99 exceeds this; 0 = run all.")
    double stopAboveP99Ms;
    @Option(names = "--key-cache", description = "File keeping derived SCRAM keys between runs (for servers that salt each account differently).")
    java.nio.file.Path keyCache;
    @Option(names = "--server-pid", defaultValue = "0", description = "Server process whose VmRSS is read before and after login.")
    long serverPid;
    @Option(names = "--local-addresses", split = ",", description = "Source addresses to spread connections over, e.g. 127.0.0.2,127.0.0.3.")
    List<String> localAddresses = List.of();
    @Option(names = "--threads", defaultValue = "0", description = "Event-loop threads; 0 = one per core.")
    int threads;
    @Option(names = "--deadline", defaultValue = "0", description = "Hard limit on the whole run in seconds; 0 = computed from the other options.")
    double deadline;
    @Option(names = "--xml", defaultValue = "tern", description = "XML reader: tern (im.tern.xml.StreamParser) or tolerant (a lighter splitter) (default ${DEFAULT-VALUE}).")
    String xml;
    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;
    @Option(names = "--json-out", description = "Also write the report as JSON to this file.")
    java.nio.file.Path jsonOut;

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (users < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--users must be at least 1");
        RunReport report = new LoadRun(this).run();
        System.out.print(json ? report.toJson() + "\n" : report.toText());
        if (jsonOut != null) java.nio.file.Files.writeString(jsonOut, report.toJson() + "\n");
        System.out.flush();
        return report.established() == 0 ? 1 : 0;
    }

    /** The overall time limit: explicit, or enough for every phase with generous margins. */
    double deadlineSeconds() {
        if (deadline > 0) return deadline;
        double logins = users / (rampRate > 0 ? rampRate : 200.0);
        return 60 + loginTimeout + logins + hold + rates.size() * (duration + drain + 2);
    }
}
