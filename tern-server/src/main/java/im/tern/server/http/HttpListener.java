package im.tern.server.http;

import im.tern.server.stream.C2sServices;
import im.tern.server.transport.ConnectionTracker;
import im.tern.server.transport.EventLoops;
import im.tern.xml.XmlLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.util.function.IntSupplier;
import im.tern.server.module.HttpRouteRegistry;
import io.netty.handler.ssl.SslContext;

/**
 * The HTTP port. Pipeline: TLS (unless behind a proxy) → HTTP codec → {@link StreamedBodies} (the bodies of
 * streaming routes, file uploads, go to their module in chunks) → aggregator (256 KiB: API bodies, never files) → {@link HttpRoutes} →
 * WebSocket handshake and frames at {@link WebSocketPath#PATH} → fragment aggregation → {@link WebSocketConnection}.
 * After the handshake Netty swaps the HTTP codec for the WebSocket one. A file response adds a chunked writer
 * after the codec ({@link ModuleResponses}).
 */
public final class HttpListener {
    /** Largest request body: a contact-discovery batch or an API call, never a file. */
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** What every HTTP connection shares: the stream's services and limits, and the live counts for health. */
    public record Shared(C2sServices services, XmlLimits limits, ConnectionTracker tracker, IntSupplier sessions,
                         HttpRouteRegistry api, SslContext tls) {}

    private final Channel server;

    private HttpListener(Channel server) { this.server = server; }

    public static HttpListener bind(EventLoops loops, Shared shared, String address, int port) throws InterruptedException {
        HttpRoutes routes = new HttpRoutes(shared.sessions(), shared.tracker()::openConnections, shared.api(),
                shared.tls() != null);
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WebSocketPath.PATH)
                .subprotocols(WebSocketPath.SUBPROTOCOL)
                .checkStartsWith(false)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .maxFramePayloadLength(shared.limits().maxStanzaBytes())
                .withUTF8Validator(false) // the XML parser checks UTF-8 and answers with a stream error
                .build();
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.boss(), loops.workers())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (shared.tls() != null) ch.pipeline().addLast("tls", shared.tls().newHandler(ch.alloc()));
                        ch.pipeline().addLast("http", new HttpServerCodec())
                                .addLast("stream", new StreamedBodies(shared.api()))
                                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast("routes", routes)
                                .addLast("websocket", new WebSocketServerProtocolHandler(ws))
                                .addLast("fragments", new WebSocketFrameAggregator(shared.limits().maxStanzaBytes()))
                                .addLast("xmpp", new WebSocketConnection(shared.services(), shared.limits(), shared.tracker(), ch));
                    }
                });
        return new HttpListener(b.bind(address, port).sync().channel());
    }

    public int port() { return ((InetSocketAddress) server.localAddress()).getPort(); }

    /** Stops accepting; open connections stay. */
    public void close() { server.close().syncUninterruptibly(); }
}
