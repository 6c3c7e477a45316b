package im.tern.server.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The accept and I/O threads: epoll where the native transport loads, NIO elsewhere; I/O sized to the cores. */
public final class EventLoops {
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;

    public EventLoops() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public EventLoops(int workerThreads) {
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tern-accept"), factory());
        workers = new MultiThreadIoEventLoopGroup(workerThreads, new DefaultThreadFactory("tern-io"), factory());
    }

    private IoHandlerFactory factory() { return epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory(); }

    public EventLoopGroup boss() { return boss; }

    public EventLoopGroup workers() { return workers; }

    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public String transportName() { return epoll ? "epoll" : "nio"; }

    public void shutdown() {
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
