package im.tern.bench;

import im.tern.bench.client.ClientSession;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one-to-one messages at a fixed total rate, each from a random ready session to another
 * random one. Each event loop writes its share from its own sessions.
 */
final class MessagePump {
    private final EventLoop[] loops;
    private final ClientSession[][] senders;
    private final String[] recipients;
    private final RunStats stats;
    private final AtomicLong seq = new AtomicLong();

    /** {@code sessions}: at least two ready sessions with distinct JIDs. */
    MessagePump(List<ClientSession> sessions, RunStats stats) {
        Map<EventLoop, List<ClientSession>> byLoop = new LinkedHashMap<>();
        for (ClientSession s : sessions) byLoop.computeIfAbsent(s.channel().eventLoop(), k -> new ArrayList<>()).add(s);
        loops = byLoop.keySet().toArray(new EventLoop[0]);
        senders = new ClientSession[loops.length][];
        for (int i = 0; i < loops.length; i++) senders[i] = byLoop.get(loops[i]).toArray(new ClientSession[0]);
        recipients = sessions.stream().map(ClientSession::jid).toArray(String[]::new);
        this.stats = stats;
    }

    /**
     * Sends at {@code rate} messages/s until {@code endNanos}; returns the nanoseconds it spent sending.
     * Each event loop paces its own share on a 1 ms timer, so no thread wakes another per batch.
     */
    long run(double rate, long endNanos) throws InterruptedException {
        long start = System.nanoTime();
        double share = rate / loops.length;
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        long[] scheduled = new long[loops.length];
        for (int k = 0; k < loops.length; k++) {
            int loop = k;
            timers.add(loops[k].scheduleAtFixedRate(() -> {
                long now = Math.min(System.nanoTime(), endNanos);
                long due = (long) ((now - start) / 1e9 * share) - scheduled[loop];
                if (due > 0) {
                    scheduled[loop] += due;
                    sendBatch(senders[loop], due);
                }
            }, 0, 1, TimeUnit.MILLISECONDS));
        }
        long left;
        while ((left = endNanos - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        for (ScheduledFuture<?> t : timers) t.cancel(false);
        return System.nanoTime() - start;
    }

    private void sendBatch(ClientSession[] from, long count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long i = 0; i < count; i++) {
            ClientSession sender = from[random.nextInt(from.length)];
            String to;
            do {
                to = recipients[random.nextInt(recipients.length)];
            } while (to.equals(sender.jid()));
            if (sender.sendChat(to, seq.incrementAndGet())) stats.sent.increment();
            else stats.notSentBackpressure.increment();
        }
    }
}
