package im.tern.bench;

import im.tern.bench.xml.TolerantStreamScanner;
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of an XMPP server on loopback for the generator's end-to-end test: PLAIN accepting
 * any password, bind, and routing of messages to full JIDs. Not a model of anything else.
 */
final class FakeXmppServer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, Channel> sessions = new ConcurrentHashMap<>();
    private final Channel server;

    FakeXmppServer() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new Connection());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }

    private final class Connection extends ChannelInboundHandlerAdapter implements StreamListener {
        private final TolerantStreamScanner input = new TolerantStreamScanner(this, 65536);
        private Channel ch;
        private String user;
        private boolean authenticated;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ch = ctx.channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ByteBuf buf = (ByteBuf) msg;
            try {
                input.feed(buf);
            } finally {
                buf.release();
            }
        }

        @Override
        public void onStreamOpen(StreamHeader header) {
            send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                    + " from='example.com' id='x' version='1.0'><stream:features>"
                    + (authenticated ? "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                    : "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>")
                    + "</stream:features>");
        }

        @Override
        public void onElement(Element e) {
            switch (e.name()) {
                case "auth" -> {
                    String[] parts = new String(java.util.Base64.getDecoder().decode(e.text()), java.nio.charset.StandardCharsets.UTF_8).split("\0");
                    user = parts[1] + "@example.com/bench";
                    authenticated = true;
                    input.reset();
                    send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
                }
                case "iq" -> {
                    sessions.put(user, ch);
                    send("<iq type='result' id='" + e.attr("id") + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>"
                            + user + "</jid></bind></iq>");
                }
                case "message" -> {
                    Channel to = sessions.get(e.attr("to"));
                    if (to != null) to.writeAndFlush(ByteBufUtil.writeUtf8(to.alloc(), e.withAttr("from", user).toXml()
                            .replace(" xmlns=\"jabber:client\"", "")));
                }
                default -> { }
            }
        }

        @Override
        public void onStreamClose() {
            sessions.remove(user);
            send("</stream:stream>");
            ch.close();
        }

        private void send(String xml) {
            ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), xml));
        }
    }
}
