package im.tern.server.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.InetSocketAddress;

/**
 * One listening socket for client streams: plain with STARTTLS offered (RFC 6120), or TLS from the first
 * byte (XEP-0368). The pipeline is kept short because every idle client pays for it:
 * [TLS] → flush consolidation → {@link C2sConnection}.
 */
public final class C2sListener {
    private final Channel server;

    private C2sListener(Channel server) { this.server = server; }

    public static C2sListener bind(EventLoops loops, C2sConnection.Shared shared, String address, int port,
                                   boolean directTls) throws InterruptedException {
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
                        if (directTls) ch.pipeline().addLast("tls", shared.newTlsHandler(ch.alloc()));
                        ch.pipeline().addLast("flush", new FlushConsolidationHandler(256, true));
                        ch.pipeline().addLast("xmpp", new C2sConnection(shared, ch, directTls));
                    }
                });
        return new C2sListener(b.bind(address, port).sync().channel());
    }

    public int port() { return ((InetSocketAddress) server.localAddress()).getPort(); }

    /** Stops accepting; open connections stay. */
    public void close() { server.close().syncUninterruptibly(); }
}
