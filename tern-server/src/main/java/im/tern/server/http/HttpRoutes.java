package im.tern.server.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.function.IntSupplier;

/**
 * The plain HTTP routes: {@code /health}, {@code /metrics}, host-meta. Upgrade requests for
 * {@link WebSocketPath#PATH} pass on to the WebSocket handshake once they offer the {@code xmpp} subprotocol;
 * everything else is a 404 or 405 problem. Answers at once on the event loop: nothing here blocks.
 */
@ChannelHandler.Sharable
final class HttpRoutes extends ChannelInboundHandlerAdapter {
    private final IntSupplier sessions;
    private final IntSupplier connections;

    HttpRoutes(IntSupplier sessions, IntSupplier connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(WebSocketPath.PATH)) {
            HttpResponseStatus refused = WebSocketPath.refusal(request);
            if (refused == null) {
                ctx.fireChannelRead(request); // the handshake takes it over
                return;
            }
            try {
                Replies.send(ctx, request, refused == HttpResponseStatus.METHOD_NOT_ALLOWED ? notAllowed()
                        : Replies.problem(refused, "XMPP over WebSocket needs a WebSocket upgrade offering the xmpp subprotocol"));
            } finally {
                request.release();
            }
            return;
        }
        try {
            Replies.send(ctx, request, route(path, request));
        } finally {
            request.release();
        }
    }

    private FullHttpResponse route(String path, FullHttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        return switch (path) {
            case "/health" -> get(request) ? Replies.of(HttpResponseStatus.OK, Replies.JSON,
                    "{\"status\":\"up\",\"sessions\":" + sessions.getAsInt() + "}") : notAllowed();
            case "/metrics" -> get(request) ? Replies.of(HttpResponseStatus.OK, "text/plain; version=0.0.4",
                    "tern_sessions " + sessions.getAsInt() + "\ntern_connections " + connections.getAsInt() + "\n")
                    : notAllowed();
            case "/.well-known/host-meta", "/.well-known/host-meta.json" -> {
                if (!get(request)) yield notAllowed();
                if (!HostMeta.validHost(host)) yield Replies.problem(HttpResponseStatus.BAD_REQUEST, "missing or invalid Host header");
                FullHttpResponse r = path.endsWith(".json") ? Replies.of(HttpResponseStatus.OK, Replies.JSON, HostMeta.json(host))
                        : Replies.of(HttpResponseStatus.OK, "application/xrd+xml", HostMeta.xrd(host));
                r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*"); // XEP-0156: web clients read it cross-origin
                yield r;
            }
            default -> Replies.problem(HttpResponseStatus.NOT_FOUND, "no such resource");
        };
    }

    private static boolean get(FullHttpRequest request) { return HttpMethod.GET.equals(request.method()); }

    private static FullHttpResponse notAllowed() {
        FullHttpResponse r = Replies.problem(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET is served here");
        r.headers().set(HttpHeaderNames.ALLOW, "GET");
        return r;
    }
}
