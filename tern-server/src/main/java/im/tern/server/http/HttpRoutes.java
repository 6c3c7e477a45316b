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
import im.tern.core.http.HttpRequest;
import im.tern.server.module.HttpRouteRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP routes: {@code /health}, {@code /metrics}, host-meta, and the modules' API routes
 * ({@link HttpRouteRegistry}). Upgrade requests for {@link WebSocketPath#PATH} pass on to the WebSocket
 * handshake once they offer the {@code xmpp} subprotocol; everything else is a 404 or 405 problem. Nothing
 * here blocks: a module's handler returns a stage and the response is written when it completes.
 */
@ChannelHandler.Sharable
final class HttpRoutes extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpRoutes.class);

    private final IntSupplier sessions;
    private final IntSupplier connections;
    private final HttpRouteRegistry api;
    private final boolean secure;

    HttpRoutes(IntSupplier sessions, IntSupplier connections, HttpRouteRegistry api, boolean secure) {
        this.sessions = sessions;
        this.connections = connections;
        this.api = api;
        this.secure = secure;
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
        HttpRouteRegistry.Match match = api.match(request.method().name(), path);
        if (match != null) {
            apiRequest(ctx, request, path, match);
            return;
        }
        try {
            Replies.send(ctx, request, route(path, request));
        } finally {
            request.release();
        }
    }

    /** A module's route: the request is copied out of Netty's buffers, the handler's stage answers it. */
    private void apiRequest(ChannelHandlerContext ctx, FullHttpRequest request, String path, HttpRouteRegistry.Match match) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = HttpMethod.HEAD.equals(request.method());
        HttpRequest copy;
        try {
            if (!match.servable()) {
                FullHttpResponse r = Replies.problem(HttpResponseStatus.METHOD_NOT_ALLOWED, "allowed here: " + String.join(", ", match.allowed()));
                r.headers().set(HttpHeaderNames.ALLOW, String.join(", ", match.allowed()));
                Replies.send(ctx, request, r);
                return;
            }
            if (match.handler() == null) { // a streaming route's request always goes to StreamedBodies
                Replies.send(ctx, request, Replies.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the server could not answer this request"));
                return;
            }
            copy = copy(ctx, request, path, match, ByteBufUtil.getBytes(request.content()));
        } finally {
            request.release();
        }
        CompletionStage<im.tern.core.http.HttpResponse> stage;
        try {
            stage = match.handler().handle(copy);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((response, error) -> ctx.executor().execute(() -> {
            FullHttpResponse r;
            if (error != null || response == null) {
                log.warn("{} {} failed", copy.method(), path, error);
                r = Replies.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the server could not answer this request");
            } else {
                ModuleResponses.write(ctx, keepAlive, head, response);
                return;
            }
            Replies.send(ctx, keepAlive, r);
        }));
    }

    /** The request as a module sees it, headers lower case, with {@code body}. */
    static HttpRequest copy(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpRequest request, String path,
                            HttpRouteRegistry.Match match, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> h : request.headers()) headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
        return new HttpRequest(request.method().name(), path, match.params(),
                new QueryStringDecoder(request.uri()).parameters(), headers, body, remote);
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
                FullHttpResponse r = path.endsWith(".json") ? Replies.of(HttpResponseStatus.OK, Replies.JSON, HostMeta.json(host, secure))
                        : Replies.of(HttpResponseStatus.OK, "application/xrd+xml", HostMeta.xrd(host, secure));
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
