package im.tern.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link XmppServer} listens and what it tolerates. A port of 0 picks a free one; a direct-TLS
 * or HTTP port of -1 disables that listener.
 *
 * @param domain          the XMPP domain served
 * @param bindAddress     the address both listeners bind to
 * @param c2sPort         client-to-server with STARTTLS (RFC 6120), default 5222
 * @param tlsPort         client-to-server with direct TLS (XEP-0368), default 5223
 * @param tls             certificate source and whether STARTTLS is required
 * @param limits          bounds on what one connection may do
 * @param blockingThreads size of the bounded executor for blocking work (storage, PBKDF2)
 * @param httpPort        HTTP: health, metrics, host-meta, the modules' API and XMPP over WebSocket (RFC 7395);
 *                        the operator's default is 5280 ({@code tern-app}), off (-1) unless set here
 * @param httpTls         serve the HTTP port over TLS with the server's certificate (HTTPS, wss); off for
 *                        running behind a reverse proxy that terminates TLS
 */
public record ServerConfig(String domain, String bindAddress, int c2sPort, int tlsPort, Tls tls, Limits limits,
                           int blockingThreads, int httpPort, boolean httpTls) {
    public ServerConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        if (blockingThreads < 1) throw new IllegalArgumentException("blockingThreads must be at least 1");
    }

    /** Without the HTTP listener. */
    public ServerConfig(String domain, String bindAddress, int c2sPort, int tlsPort, Tls tls, Limits limits,
                        int blockingThreads) {
        this(domain, bindAddress, c2sPort, tlsPort, tls, limits, blockingThreads, -1, false);
    }

    /**
     * Listens on all addresses on 5222 and 5223 with a self-signed certificate kept in {@code dataDir/tls};
     * no HTTP listener until {@link #withHttpPort(int)}.
     */
    public static ServerConfig defaults(String domain, Path dataDir) {
        return new ServerConfig(domain, "0.0.0.0", 5222, 5223, Tls.selfSigned(dataDir), Limits.DEFAULT,
                Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    public ServerConfig withBindAddress(String address) {
        return new ServerConfig(domain, address, c2sPort, tlsPort, tls, limits, blockingThreads, httpPort, httpTls);
    }

    public ServerConfig withPorts(int c2s, int directTls) {
        return new ServerConfig(domain, bindAddress, c2s, directTls, tls, limits, blockingThreads, httpPort, httpTls);
    }

    public ServerConfig withTls(Tls newTls) {
        return new ServerConfig(domain, bindAddress, c2sPort, tlsPort, newTls, limits, blockingThreads, httpPort, httpTls);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(domain, bindAddress, c2sPort, tlsPort, tls, newLimits, blockingThreads, httpPort, httpTls);
    }

    /** The HTTP port: 0 picks a free one, -1 turns HTTP (and WebSocket) off. */
    public ServerConfig withHttpPort(int port) {
        return new ServerConfig(domain, bindAddress, c2sPort, tlsPort, tls, limits, blockingThreads, port, httpTls);
    }

    /** HTTPS (and wss) on the HTTP port, or plain HTTP behind a TLS-terminating proxy. */
    public ServerConfig withHttpTls(boolean on) {
        return new ServerConfig(domain, bindAddress, c2sPort, tlsPort, tls, limits, blockingThreads, httpPort, on);
    }

    public ServerConfig withBlockingThreads(int threads) {
        return new ServerConfig(domain, bindAddress, c2sPort, tlsPort, tls, limits, threads, httpPort, httpTls);
    }

    /**
     * Where the certificate comes from: PEM files when {@code certificate} and {@code key} are set, else a
     * self-signed one generated once under {@code dataDir/tls}.
     */
    public record Tls(Path dataDir, Path certificate, Path key, boolean starttlsRequired) {
        public static Tls selfSigned(Path dataDir) { return new Tls(dataDir, null, null, true); }

        public static Tls pem(Path certificate, Path key) { return new Tls(null, certificate, key, true); }

        public Tls withStarttlsRequired(boolean required) { return new Tls(dataDir, certificate, key, required); }
    }

    /**
     * Bounds on one connection; each breach ends the stream with the error named.
     *
     * @param maxStanzaBytes         largest first-level element (policy-violation), default 256 KiB
     * @param maxDepth               deepest nesting inside a stanza (policy-violation)
     * @param unauthenticatedTimeout time to authenticate and bind (connection-timeout), default 30 s
     * @param idleTimeout            silence tolerated once bound (connection-timeout), default 10 min
     * @param unauthenticatedPerIp   concurrent unauthenticated connections from one address (policy-violation)
     * @param readBytesPerSecond     read rate above which reads pause (nothing is dropped)
     * @param maxAuthFailures        failed logins per address or per username within {@code authFailureWindow}
     *                               before further attempts get temporary-auth-failure
     * @param authFailureWindow      the window for {@code maxAuthFailures}
     * @param resumeTimeout          how long a dropped session waits to be resumed (XEP-0198), default 5 min
     * @param maxUnacked             stanzas sent to one session and not yet acknowledged (XEP-0198) before
     *                               it is closed (policy-violation), default 10,000
     */
    public record Limits(int maxStanzaBytes, int maxDepth, Duration unauthenticatedTimeout, Duration idleTimeout,
                         int unauthenticatedPerIp, int readBytesPerSecond, int maxAuthFailures,
                         Duration authFailureWindow, Duration resumeTimeout, int maxUnacked) {
        public static final Limits DEFAULT = new Limits(256 * 1024, 64, Duration.ofSeconds(30), Duration.ofMinutes(10),
                100, 1024 * 1024, 5, Duration.ofMinutes(5), Duration.ofMinutes(5), 10_000);

        public Limits withStreamManagement(Duration resume, int unacked) {
            return new Limits(maxStanzaBytes, maxDepth, unauthenticatedTimeout, idleTimeout, unauthenticatedPerIp,
                    readBytesPerSecond, maxAuthFailures, authFailureWindow, resume, unacked);
        }

        public Limits withMaxStanzaBytes(int bytes) {
            return new Limits(bytes, maxDepth, unauthenticatedTimeout, idleTimeout, unauthenticatedPerIp,
                    readBytesPerSecond, maxAuthFailures, authFailureWindow, resumeTimeout, maxUnacked);
        }

        public Limits withMaxDepth(int depth) {
            return new Limits(maxStanzaBytes, depth, unauthenticatedTimeout, idleTimeout, unauthenticatedPerIp,
                    readBytesPerSecond, maxAuthFailures, authFailureWindow, resumeTimeout, maxUnacked);
        }

        public Limits withTimeouts(Duration unauthenticated, Duration idle) {
            return new Limits(maxStanzaBytes, maxDepth, unauthenticated, idle, unauthenticatedPerIp,
                    readBytesPerSecond, maxAuthFailures, authFailureWindow, resumeTimeout, maxUnacked);
        }

        public Limits withUnauthenticatedPerIp(int cap) {
            return new Limits(maxStanzaBytes, maxDepth, unauthenticatedTimeout, idleTimeout, cap,
                    readBytesPerSecond, maxAuthFailures, authFailureWindow, resumeTimeout, maxUnacked);
        }

        public Limits withReadBytesPerSecond(int rate) {
            return new Limits(maxStanzaBytes, maxDepth, unauthenticatedTimeout, idleTimeout, unauthenticatedPerIp,
                    rate, maxAuthFailures, authFailureWindow, resumeTimeout, maxUnacked);
        }

        public Limits withAuthFailures(int max, Duration window) {
            return new Limits(maxStanzaBytes, maxDepth, unauthenticatedTimeout, idleTimeout, unauthenticatedPerIp,
                    readBytesPerSecond, max, window, resumeTimeout, maxUnacked);
        }
    }
}
