package im.tern.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** HTTP responses with a body, kept alive when the request allows; errors as RFC 7807 problem documents. */
final class Replies {
    static final String JSON = "application/json";

    private Replies() {}

    static FullHttpResponse of(HttpResponseStatus status, String contentType, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType + "; charset=utf-8");
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return r;
    }

    /**
     * An RFC 7807 problem: {@code type} about:blank, the status's reason phrase as the title. Every value
     * is a constant of ours, so nothing needs escaping.
     */
    static FullHttpResponse problem(HttpResponseStatus status, String detail) {
        return of(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail + "\"}");
    }

    /** A module's response as Netty's. */
    static FullHttpResponse of(im.tern.core.http.HttpResponse response) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        if (response.contentType() != null) r.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        response.headers().forEach((name, value) -> r.headers().set(name, value));
        return r;
    }

    static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        send(ctx, HttpUtil.isKeepAlive(request), response);
    }

    static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    }
}
