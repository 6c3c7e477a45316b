package im.tern.bench;

import im.tern.bench.client.ClientSession;
import im.tern.bench.client.ClientSettings;
import im.tern.bench.sasl.ScramKeyCache;
import im.tern.bench.xml.TernStreamInput;
import im.tern.bench.xml.TolerantStreamScanner;
import im.tern.bench.xml.XmlInput;
import im.tern.xml.StreamListener;
import im.tern.xml.XmlLimits;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** One run of the load generator: login phase, idle hold, message steps, teardown. */
final class LoadRun {
    private final LoadGenerator o;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Semaphore inFlight;
    private final RunStats stats;

    LoadRun(LoadGenerator options) {
        this.o = options;
        this.deadlineNanos = startNanos + (long) (options.deadlineSeconds() * 1e9);
        this.inFlight = new Semaphore(Math.max(1, options.maxInFlight));
        this.stats = new RunStats(inFlight::release);
    }

    RunReport run() throws Exception {
        Thread watchdog = watchdog();
        int threads = o.threads > 0 ? o.threads : Runtime.getRuntime().availableProcessors();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ScramKeyCache keys = new ScramKeyCache(o.users + 64);
        if (o.keyCache != null) keys.load(o.keyCache);
        try {
            ClientSettings settings = new ClientSettings(o.domain, o.password, o.starttls ? tlsContext() : null, o.mechanism,
                    o.register, o.presence, o.resource, keys, o.loginTimeout * 1000L, xmlInput());
            Bootstrap bootstrap = new Bootstrap().group(group)
                    .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, o.connectTimeout * 1000)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024));
            long rssBefore = ServerMemory.rssKib(o.serverPid);
            long serverCpu0 = ProcessCpu.serverNanos(o.serverPid), genCpu0 = ProcessCpu.generatorNanos();
            long loginStart = System.nanoTime();
            int attempted = connectAll(bootstrap, settings, loginStart);
            awaitLogins(attempted);
            long loginWall = System.nanoTime() - loginStart;
            double rampSeconds = Math.max(0, stats.lastReadyNanos.get() - loginStart) / 1e9;
            double loginServerCpu = ProcessCpu.percent(serverCpu0, ProcessCpu.serverNanos(o.serverPid), loginWall);
            double loginGenCpu = ProcessCpu.percent(genCpu0, ProcessCpu.generatorNanos(), loginWall);
            long rssAfter = ServerMemory.rssKib(o.serverPid);
            sleepUntil(Math.min(deadlineNanos, System.nanoTime() + (long) (o.hold * 1e9)));
            List<StepResult> steps = messageSteps();
            long rssEnd = ServerMemory.rssKib(o.serverPid);
            Histogram logins = stats.loginMicros.getIntervalHistogram();
            closeAll();
            if (o.keyCache != null) keys.save(o.keyCache);
            return new RunReport(o.host + ":" + o.port + " " + o.domain, o.starttls, o.users, stats.established.sum(),
                    stats.failed.sum(), stats.dropped.sum(), rampSeconds, logins.getValueAtPercentile(50),
                    logins.getValueAtPercentile(99), loginServerCpu, loginGenCpu, rssBefore, rssAfter, rssEnd, keys.derivations(), steps, failures());
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            watchdog.interrupt();
        }
    }

    private int connectAll(Bootstrap bootstrap, ClientSettings settings, long loginStart) throws InterruptedException {
        InetSocketAddress remote = new InetSocketAddress(o.host, o.port);
        List<InetSocketAddress> locals = new ArrayList<>();
        for (String a : o.localAddresses) locals.add(new InetSocketAddress(a.trim(), 0));
        long loginEnd = deadlineNanos - (long) ((o.hold + o.rates.size() * (o.duration + o.drain)) * 1e9);
        int i = 0;
        for (; i < o.users; i++) {
            if (o.rampRate > 0) sleepUntil(Math.min(loginEnd, loginStart + (long) (i * 1e9 / o.rampRate)));
            long wait = loginEnd - System.nanoTime();
            if (wait <= 0 || !inFlight.tryAcquire(wait, TimeUnit.NANOSECONDS)) break;
            ClientSession session = new ClientSession(o.userPrefix + (o.firstIndex + i), settings, stats);
            Bootstrap b = bootstrap.clone().handler(session);
            ChannelFuture f = locals.isEmpty() ? b.connect(remote) : b.connect(remote, locals.get(i % locals.size()));
            f.addListener(done -> {
                if (!done.isSuccess()) stats.failed(session, "connect: " + done.cause().getMessage());
            });
        }
        return i;
    }

    private void awaitLogins(int attempted) throws InterruptedException {
        while (stats.established.sum() + stats.failed.sum() < attempted && System.nanoTime() < deadlineNanos) {
            Thread.sleep(20);
        }
    }

    private List<StepResult> messageSteps() throws InterruptedException {
        List<StepResult> steps = new ArrayList<>();
        List<ClientSession> ready = new ArrayList<>(stats.ready);
        ready.removeIf(s -> !s.channel().isActive());
        if (o.rates.isEmpty()) return steps;
        if (ready.size() < 2) {
            System.err.println("tern-bench: fewer than two sessions are up; no messages sent");
            return steps;
        }
        MessagePump pump = new MessagePump(ready, stats);
        for (double rate : o.rates) {
            long stepEnd = System.nanoTime() + (long) (o.duration * 1e9);
            if (stepEnd + (long) (o.drain * 1e9) > deadlineNanos) break;
            stats.latencyMicros.reset();
            long sent0 = stats.sent.sum(), notSent0 = stats.notSentBackpressure.sum(), received0 = stats.received.sum(), errors0 = stats.errors.sum();
            long serverCpu0 = ProcessCpu.serverNanos(o.serverPid), genCpu0 = ProcessCpu.generatorNanos();
            long sendingNanos = pump.run(rate, stepEnd);
            double serverCpu = ProcessCpu.percent(serverCpu0, ProcessCpu.serverNanos(o.serverPid), sendingNanos);
            double genCpu = ProcessCpu.percent(genCpu0, ProcessCpu.generatorNanos(), sendingNanos);
            long drainEnd = Math.min(deadlineNanos, System.nanoTime() + (long) (o.drain * 1e9));
            while (stats.received.sum() - received0 + stats.errors.sum() - errors0 < stats.sent.sum() - sent0 && System.nanoTime() < drainEnd) {
                Thread.sleep(10);
            }
            StepResult step = StepResult.of(rate, sendingNanos / 1e9, stats.sent.sum() - sent0, stats.notSentBackpressure.sum() - notSent0,
                    stats.received.sum() - received0, stats.errors.sum() - errors0, serverCpu, genCpu,
                    stats.latencyMicros.getIntervalHistogram());
            steps.add(step);
            if (!o.json) System.err.printf("tern-bench: step %.0f msgs/s: sent %d, received %d, p99 %.2f ms%n",
                    rate, step.sent(), step.received(), step.p99() / 1000.0);
            if (o.stopAboveP99Ms > 0 && step.p99() / 1000.0 > o.stopAboveP99Ms) break;
        }
        return steps;
    }

    private void closeAll() throws InterruptedException {
        for (ClientSession s : stats.ready) s.close();
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until && stats.ready.stream().anyMatch(s -> s.channel().isActive())) Thread.sleep(20);
    }

    private Map<String, Long> failures() {
        Map<String, Long> out = new LinkedHashMap<>();
        stats.failureReasons.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private Function<StreamListener, XmlInput> xmlInput() {
        XmlLimits limits = new XmlLimits(1024 * 1024, 64, 64);
        return switch (o.xml) {
            case "tern" -> listener -> new TernStreamInput(listener, limits);
            case "tolerant" -> listener -> new TolerantStreamScanner(listener, limits.maxStanzaBytes());
            default -> throw new IllegalArgumentException("--xml must be tern or tolerant, not " + o.xml);
        };
    }

    private static SslContext tlsContext() throws Exception {
        return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3").build();
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(Math.min(left, 100_000_000L));
    }

    /** Ends the process if the run overruns its deadline by 30 s (a hung server must not hang the script). */
    private Thread watchdog() {
        Thread t = new Thread(() -> {
            try {
                sleepUntil(deadlineNanos + 30_000_000_000L);
                System.err.println("tern-bench: deadline exceeded, exiting");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tern-bench-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
