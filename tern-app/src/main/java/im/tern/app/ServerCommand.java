package im.tern.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tern server}: runs the server in the foreground until interrupted. */
@Command(name = "server", description = "Run the Tern server in the foreground.", mixinStandardHelpOptions = true)
final class ServerCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: 0.0.0.0).")
    String bind;

    @Option(names = "--c2s-port", paramLabel = "N", description = "XMPP client port with STARTTLS (default 5222; 0 = any free).")
    Integer c2sPort;

    @Option(names = "--tls-port", paramLabel = "N", description = "XMPP client port with direct TLS (default 5223; 0 = any free; -1 = off).")
    Integer tlsPort;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP port (default 5280; 0 = any free; -1 = off).")
    Integer httpPort;

    @Option(names = "--http-plain", description = "Serve the HTTP port without TLS, behind a reverse proxy that terminates it.")
    boolean httpPlain;

    @Override
    public Integer call() throws Exception {
        im.tern.server.tls.ServerTls.warmUp();
        TernConfig cfg = config.load();
        if (bind != null) cfg.bind = bind;
        if (c2sPort != null) cfg.ports.c2s = c2sPort;
        if (tlsPort != null) cfg.ports.tls = tlsPort;
        if (httpPort != null) cfg.ports.http = httpPort;
        if (httpPlain) cfg.http.tls = false;

        long started = System.nanoTime();
        TernServer server = new TernServer(cfg).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tern-shutdown"));
        System.out.printf("tern %s serving %s from %s (%s store) in %d ms%n", TernVersion.get(), cfg.domain,
                cfg.data.toAbsolutePath(), cfg.store.kind, (System.nanoTime() - started) / 1_000_000);
        // One line with every bound port, easy for scripts to read when ports were 0.
        System.out.printf("tern listening c2s=%d tls=%d http=%d%n", server.c2sPort(), server.tlsPort(), server.httpPort());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
