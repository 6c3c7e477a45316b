package im.tern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Contact discovery over the real HTTPS API: accounts {@code PREFIX} + a zero-padded index (phone numbers,
 * made by {@code tern admin user add-bulk --width}) each discover a batch of numbers in local format, half of
 * them with accounts. Each round is one account's first sync (every number new: counted, hashes stored) and
 * then the same address book again (nothing new). Prints the latency of each kind.
 */
@Command(name = "discovery-bench", mixinStandardHelpOptions = true,
        description = "Times POST /v1/contacts/discover for a batch of numbers, first sync and re-sync.")
public final class DiscoveryBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "https://127.0.0.1:5280", description = "The HTTP port (default ${DEFAULT-VALUE}).")
    String url;
    @Option(names = "--domain", defaultValue = "localhost") String domain;
    @Option(names = "--prefix", defaultValue = "447400", description = "Account names: prefix + index (default ${DEFAULT-VALUE}).")
    String prefix;
    @Option(names = "--width", defaultValue = "6", description = "Digits of the zero-padded index (default ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--accounts", defaultValue = "10000", description = "Accounts that exist, indexes 1..N (default ${DEFAULT-VALUE}).")
    int accounts;
    @Option(names = "--password", defaultValue = "secret") String password;
    @Option(names = "--batch", defaultValue = "1000", description = "Numbers per request (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--warmup", defaultValue = "3", description = "Rounds run before measuring (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds, each by another account (default ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--region", defaultValue = "GB") String region;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DiscoveryBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (warmup + rounds > accounts) throw new IllegalArgumentException("need an account per round");
        HttpClient http = HttpClient.newBuilder().sslContext(TrustAllTls.context()).connectTimeout(Duration.ofSeconds(10)).build();
        Random random = new Random(42);
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        for (int round = 0; round < warmup + rounds; round++) {
            String caller = prefix + String.format("%0" + width + "d", round + 1);
            String body = body(random);
            double cold = timed(http, caller, body, batch / 2);
            double warm = timed(http, caller, body, batch / 2);
            if (round >= warmup) {
                first.add(cold);
                again.add(warm);
            }
        }
        System.out.printf("discovery of %d numbers (%d with accounts, local format, region %s) among %d accounts, %d rounds:%n",
                batch, batch / 2, region, accounts, rounds);
        System.out.printf("  first sync (all numbers new)   median %.1f ms, max %.1f ms%n", median(first), max(first));
        System.out.printf("  re-sync (same numbers again)   median %.1f ms, max %.1f ms%n", median(again), max(again));
        return 0;
    }

    /** Half the batch from the accounts, half from a range that has none, written as a local number would be. */
    private String body(Random random) throws Exception {
        List<String> numbers = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            int index = i % 2 == 0 ? 1 + random.nextInt(accounts) : 500_000 + random.nextInt(400_000);
            String digits = prefix + String.format("%0" + width + "d", index);
            numbers.add(local(digits));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("numbers", numbers);
        body.put("region", region);
        return JSON.writeValueAsString(body);
    }

    /** 447400123456 as 07400 123456: the country code (44) becomes the trunk prefix 0. */
    private static String local(String e164Digits) {
        String national = "0" + e164Digits.substring(2);
        return national.substring(0, 5) + " " + national.substring(5);
    }

    private double timed(HttpClient http, String caller, String body, int expectedAtMost) throws Exception {
        String auth = Base64.getEncoder().encodeToString((caller + "@" + domain + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/contacts/discover")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) throw new IllegalStateException("discovery answered " + r.statusCode() + ": " + r.body());
        JsonNode found = JSON.readTree(r.body()).get("registered");
        if (found.size() == 0 || found.size() > expectedAtMost) throw new IllegalStateException("found " + found.size() + " numbers");
        return ms;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
