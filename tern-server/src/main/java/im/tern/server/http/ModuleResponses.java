package im.tern.server.http;

import im.tern.core.http.HttpResponse;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Writes a module's response: bytes as one message, or a file part streamed from disk in chunks as the
 * connection takes them, so a large download is never in memory. A HEAD request gets the headers only.
 */
final class ModuleResponses {
    /** Bytes read from a file per chunk written. */
    private static final int FILE_CHUNK_BYTES = 64 * 1024;

    private ModuleResponses() {}

    static void write(ChannelHandlerContext ctx, boolean keepAlive, boolean head, HttpResponse response) {
        if (response.file() == null) {
            Replies.send(ctx, keepAlive, Replies.of(response));
            return;
        }
        HttpResponse.FilePart part = response.file();
        FileChannel file;
        try {
            file = FileChannel.open(part.path(), StandardOpenOption.READ);
        } catch (IOException gone) { // removed between the handler's check and now (expiry)
            Replies.send(ctx, keepAlive, Replies.problem(HttpResponseStatus.NOT_FOUND, "no such file"));
            return;
        }
        DefaultHttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()));
        if (response.contentType() != null) r.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        response.headers().forEach((name, value) -> r.headers().set(name, value));
        HttpUtil.setContentLength(r, part.length());
        HttpUtil.setKeepAlive(r, keepAlive);
        ChannelFuture done;
        if (head || part.length() == 0) {
            close(file);
            ctx.write(r);
            done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
                ctx.pipeline().addAfter("http", "chunks", new ChunkedWriteHandler());
            }
            ctx.write(r);
            try {
                done = ctx.writeAndFlush(new HttpChunkedInput(new ChunkedNioFile(file, part.offset(), part.length(), FILE_CHUNK_BYTES)),
                        ctx.newProgressivePromise());
            } catch (IOException e) {
                close(file);
                ctx.close();
                return;
            }
            done.addListener(new ChannelProgressiveFutureListener() {
                @Override
                public void operationProgressed(ChannelProgressiveFuture f, long progress, long total) {
                    Transfers.progressed(ctx.channel());
                }

                @Override
                public void operationComplete(ChannelProgressiveFuture f) {
                    close(file);
                }
            });
        }
        if (!keepAlive) done.addListener(ChannelFutureListener.CLOSE);
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
