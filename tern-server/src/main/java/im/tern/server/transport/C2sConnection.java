package im.tern.server.transport;

import im.tern.core.Namespaces;
import im.tern.server.stream.C2sServices;
import im.tern.server.stream.C2sStream;
import im.tern.server.stream.StreamOutput;
import im.tern.server.stream.StreamXml;
import im.tern.xml.Element;
import im.tern.xml.StreamParser;
import im.tern.xml.XmlLimits;
import im.tern.xml.XmlStreamException;
import im.tern.xml.XmlWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty end of one client connection: feeds inbound bytes to the {@link StreamParser} (no copy when
 * the buffer is contiguous; every buffer released), writes what the {@link C2sStream} sends as UTF-8
 * serialised once, and carries the connection's limits: read rate, timeouts, the per-address cap.
 */
public final class C2sConnection extends ChannelInboundHandlerAdapter implements StreamOutput, TrackedConnection {
    private static final Logger log = LoggerFactory.getLogger(C2sConnection.class);
    private static final int PAUSED_BY_QUEUE = 1;
    private static final int PAUSED_BY_RATE = 2;

    private final Shared shared;
    private final StreamParser parser;
    private final C2sStream stream;
    private final ReadThrottle throttle;
    private final long openedAt;
    private final Channel channel;
    private final OrderedWriter writer;
    private String address;
    private boolean secure;
    private boolean counted;
    private boolean feeding;
    private boolean restartPending;
    private int pausedBy;
    private volatile boolean authenticated;
    private volatile long lastActivity;

    /** What all connections of a server share. {@code readBytesPerSecond} of 0 or less means no limit. */
    public record Shared(C2sServices services, XmlLimits limits, SslContext tls, ConnectionTracker tracker,
                         int readBytesPerSecond, long handshakeTimeoutMillis) {
        /**
         * A TLS handler whose handshake may take as long as authentication may: a person may be reading
         * a certificate prompt (Netty's own default is 10 s).
         */
        io.netty.handler.ssl.SslHandler newTlsHandler(io.netty.buffer.ByteBufAllocator alloc) {
            io.netty.handler.ssl.SslHandler h = tls.newHandler(alloc);
            h.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            return h;
        }
    }

    public C2sConnection(Shared shared, Channel channel, boolean directTls) {
        this.shared = shared;
        this.channel = channel;
        this.writer = new OrderedWriter(channel);
        this.secure = directTls;
        this.stream = new C2sStream(shared.services(), this);
        this.parser = new StreamParser(shared.limits(), stream);
        this.openedAt = shared.tracker().now();
        this.lastActivity = openedAt;
        this.throttle = shared.readBytesPerSecond() > 0 ? new ReadThrottle(shared.readBytesPerSecond(), System.nanoTime()) : null;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        address = channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
        shared.tracker().opened(this);
        counted = shared.tracker().admit(address);
        if (!counted) {
            log.debug("refusing {}: too many unauthenticated connections from it", address);
            stream.fail("policy-violation");
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (stream.closed()) return;
            lastActivity = shared.tracker().now();
            int bytes = buf.readableBytes();
            feeding = true;
            if (buf.nioBufferCount() == 1) {
                parser.feed(buf.nioBuffer());
            } else {
                byte[] copy = ByteBufUtil.getBytes(buf);
                parser.feed(copy, 0, copy.length);
            }
            if (throttle != null) throttle(ctx, bytes);
        } catch (XmlStreamException e) {
            stream.onParseError(e);
        } finally {
            feeding = false;
            buf.release();
            if (restartPending) {
                restartPending = false;
                parser.reset();
            }
        }
    }

    private void throttle(ChannelHandlerContext ctx, int bytes) {
        long pauseNanos = throttle.consume(bytes, System.nanoTime());
        if (pauseNanos > 0 && (pausedBy & PAUSED_BY_RATE) == 0) {
            pause(PAUSED_BY_RATE);
            ctx.executor().schedule(() -> resume(PAUSED_BY_RATE), pauseNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        shared.tracker().closed(this);
        releaseCount();
        stream.onConnectionClosed();
        parser.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess()) {
            log.debug("TLS handshake with {} failed: {}", address, e.cause().toString());
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection from {} failed", address, cause);
        ctx.close();
    }

    @Override
    public void timedOut() { channel.eventLoop().execute(() -> stream.fail("connection-timeout")); }

    @Override
    public boolean isAuthenticated() { return authenticated; }

    @Override
    public long lastActivity() { return lastActivity; }

    @Override
    public long openedAt() { return openedAt; }

    @Override
    public io.netty.channel.ChannelFuture shutdown() {
        channel.eventLoop().execute(() -> stream.fail("system-shutdown"));
        return channel.closeFuture();
    }

    // --- StreamOutput

    @Override
    public void writeHeader(String id, String from, String to) { writeRaw(StreamXml.header(id, from, to)); }

    @Override
    public void writeFeatures(Element features) { writeRaw(StreamXml.features(features, false)); }

    @Override
    public void writeStreamError(String condition, String text) { writeRaw(StreamXml.error(condition, text)); }

    @Override
    public void writeClose() { writeRaw(StreamXml.CLOSE); }

    private void writeRaw(String xml) {
        writer.write(ByteBufUtil.writeUtf8(channel.alloc(), xml));
    }

    @Override
    public void write(Element element) {
        StringBuilder sb = new StringBuilder(256);
        XmlWriter.write(element, sb, Namespaces.CLIENT);
        writer.write(ByteBufUtil.writeUtf8(channel.alloc(), sb));
    }

    @Override
    public void write(byte[] serialised) {
        writer.write(Unpooled.wrappedBuffer(serialised));
    }

    @Override
    public void closeAfterFlush() {
        channel.config().setAutoRead(false);
        writer.write(Unpooled.EMPTY_BUFFER, ChannelFutureListener.CLOSE);
    }

    @Override
    public void startTls() {
        // After <proceed/> has gone out in the clear.
        writer.afterWrites(() -> channel.pipeline().addFirst("tls", shared.newTlsHandler(channel.alloc())));
        secure = true;
    }

    @Override
    public void restartParser() {
        if (feeding) restartPending = true;
        else parser.reset();
    }

    @Override
    public boolean secure() { return secure; }

    @Override
    public boolean canStartTls() { return shared.tls() != null; }

    @Override
    public void pauseReading() { pause(PAUSED_BY_QUEUE); }

    @Override
    public void resumeReading() { resume(PAUSED_BY_QUEUE); }

    @Override
    public void execute(Runnable task) { channel.eventLoop().execute(task); }

    @Override
    public String remoteAddress() { return address; }

    @Override
    public void authenticated() {
        authenticated = true;
        lastActivity = shared.tracker().now();
        releaseCount();
    }

    private void releaseCount() {
        if (counted) {
            counted = false;
            shared.tracker().release(address);
        }
    }

    private void pause(int reason) {
        pausedBy |= reason;
        channel.config().setAutoRead(false);
    }

    private void resume(int reason) {
        pausedBy &= ~reason;
        if (pausedBy == 0 && !stream.closed()) channel.config().setAutoRead(true);
    }
}
