package im.tern.server.http;

import im.tern.server.stream.C2sServices;
import im.tern.server.stream.C2sStream;
import im.tern.server.stream.StreamOutput;
import im.tern.server.stream.StreamXml;
import im.tern.server.transport.ConnectionTracker;
import im.tern.server.transport.TrackedConnection;
import im.tern.xml.Element;
import im.tern.xml.ElementParser;
import im.tern.xml.XmlLimits;
import im.tern.xml.XmlStreamException;
import im.tern.xml.XmlWriter;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One XMPP stream over WebSocket (RFC 7395): each text frame is one element, parsed on its own with the
 * TCP limits and handed to the same {@link C2sStream}; what the stream writes goes out one element per
 * frame, stanzas declaring {@code jabber:client}. Until the WebSocket handshake the connection is plain
 * HTTP, and still tracked for timeouts and the per-address cap as a TCP connection is.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter implements StreamOutput, TrackedConnection {
    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

    private final Channel channel;
    private final im.tern.server.transport.OrderedWriter writer;
    private final XmlLimits limits;
    private final ConnectionTracker tracker;
    private final C2sStream stream;
    private String address;
    private boolean upgraded;
    private boolean counted;
    private volatile boolean authenticated;
    private volatile long openedAt;
    private volatile long lastActivity;

    WebSocketConnection(C2sServices services, XmlLimits limits, ConnectionTracker tracker, Channel channel) {
        this.channel = channel;
        this.writer = new im.tern.server.transport.OrderedWriter(channel);
        this.limits = limits;
        this.tracker = tracker;
        this.stream = new C2sStream(services, this);
    }

    /**
     * Tracked from accept, like TCP: a plain HTTP connection (keep-alive or never upgraded) is closed by the
     * unauthenticated timeout and counts towards the per-address cap, past which it is closed at once.
     */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        address = channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
        openedAt = lastActivity = tracker.now();
        tracker.opened(this);
        counted = tracker.admit(address);
        if (!counted) {
            log.debug("refusing HTTP connection from {}: too many unauthenticated connections from it", address);
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) upgraded = true;
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (stream.closed()) return;
            lastActivity = tracker.now();
            if (frame instanceof TextWebSocketFrame) onElement(ByteBufUtil.getBytes(frame.content()));
            else stream.fail("unsupported-encoding"); // RFC 7395 section 3.2: frames are UTF-8 text
        } finally {
            frame.release();
        }
    }

    private void onElement(byte[] bytes) {
        Element e;
        try {
            e = ElementParser.parse(bytes, limits);
        } catch (XmlStreamException refused) {
            stream.onParseError(refused);
            return;
        }
        if (Framing.isOpen(e)) stream.onStreamOpen(Framing.header(e));
        else if (Framing.isClose(e)) stream.onStreamClose();
        else stream.onElement(e);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tracker.closed(this);
        releaseCount();
        if (upgraded) stream.onConnectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("WebSocket from {} failed", address, cause);
        ctx.close();
    }

    // --- TrackedConnection

    @Override
    public boolean isAuthenticated() { return authenticated; }

    @Override
    public long lastActivity() { return lastActivity; }

    @Override
    public long openedAt() { return Transfers.lastProgress(channel, openedAt); } // a moving file transfer is no idler

    @Override
    public void timedOut() { end("connection-timeout"); }

    @Override
    public ChannelFuture shutdown() {
        end("system-shutdown");
        return channel.closeFuture();
    }

    /** Ends the XMPP stream with the condition, or closes a connection that is still plain HTTP. */
    private void end(String condition) {
        execute(() -> {
            if (upgraded) stream.fail(condition);
            else channel.close();
        });
    }

    // --- StreamOutput

    @Override
    public void writeHeader(String id, String from, String to) { writeText(Framing.open(id, from, to)); }

    @Override
    public void writeFeatures(Element features) { writeText(StreamXml.features(features, true)); }

    /** RFC 7395 section 3.6: the error element in a frame of its own, then {@code <close/>}. */
    @Override
    public void writeStreamError(String condition, String text) {
        writeText(StreamXml.errorElement(condition, text, true));
        writeClose();
    }

    @Override
    public void writeClose() { writeText(Framing.CLOSE); }

    private void writeText(CharSequence xml) {
        writer.write(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), xml)));
    }

    @Override
    public void write(Element element) {
        StringBuilder sb = new StringBuilder(256);
        XmlWriter.write(element, sb, null);
        writeText(sb);
    }

    @Override
    public void write(byte[] serialised) {
        writer.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(Framing.standalone(serialised))));
    }

    @Override
    public void closeAfterFlush() {
        channel.config().setAutoRead(false);
        writer.write(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE), ChannelFutureListener.CLOSE);
    }

    @Override
    public void startTls() { throw new UnsupportedOperationException("no STARTTLS over WebSocket"); }

    @Override
    public void restartParser() {
        // Every frame is parsed on its own: nothing carries over to the restarted stream.
    }

    @Override
    public boolean secure() { return channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null; }

    @Override
    public boolean canStartTls() { return false; }

    @Override
    public void pauseReading() { channel.config().setAutoRead(false); }

    @Override
    public void resumeReading() { if (!stream.closed()) channel.config().setAutoRead(true); }

    @Override
    public void execute(Runnable task) { channel.eventLoop().execute(task); }

    @Override
    public String remoteAddress() { return address; }

    @Override
    public void authenticated() {
        authenticated = true;
        lastActivity = tracker.now();
        releaseCount();
    }

    private void releaseCount() {
        if (counted) {
            counted = false;
            tracker.release(address);
        }
    }
}
