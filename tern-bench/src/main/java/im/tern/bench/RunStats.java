package im.tern.bench;

import im.tern.bench.client.ClientSession;
import im.tern.bench.client.SessionEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** Counters and latency histograms of one run, written from every event loop. */
final class RunStats implements SessionEvents {
    final LongAdder established = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder notSentBackpressure = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicLong lastReadyNanos = new AtomicLong();
    /** Message latency in microseconds. */
    final Recorder latencyMicros = new Recorder(3);
    /** Connect-to-bound time in microseconds. */
    final Recorder loginMicros = new Recorder(3);
    final Map<String, LongAdder> failureReasons = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<ClientSession> ready = new ConcurrentLinkedQueue<>();
    private final Runnable onSettled;

    /** {@code onSettled} runs each time a login attempt ends, either way. */
    RunStats(Runnable onSettled) {
        this.onSettled = onSettled;
    }

    @Override
    public void ready(ClientSession session, long loginNanos) {
        established.increment();
        ready.add(session);
        loginMicros.recordValue(Math.max(0, loginNanos / 1000));
        lastReadyNanos.accumulateAndGet(System.nanoTime(), Math::max);
        onSettled.run();
    }

    @Override
    public void failed(ClientSession session, String reason) {
        failed.increment();
        String key = reason.length() > 120 ? reason.substring(0, 120) : reason;
        failureReasons.computeIfAbsent(key, k -> new LongAdder()).increment();
        onSettled.run();
    }

    @Override
    public void closed(ClientSession session) {
        dropped.increment();
    }

    @Override
    public void message(long sentNanos) {
        received.increment();
        latencyMicros.recordValue(Math.max(0, (System.nanoTime() - sentNanos) / 1000));
    }

    @Override
    public void stanzaError(String kind, String condition) {
        errors.increment();
        failureReasons.computeIfAbsent(kind + " error: " + condition, k -> new LongAdder()).increment();
    }
}
