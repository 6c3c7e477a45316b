package im.tern.server.http;

import im.tern.core.http.BodySink;
import im.tern.core.http.HttpResponse;
import im.tern.core.http.StreamingHandler;
import im.tern.server.module.HttpRouteRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests on a module's streaming route ({@link HttpRouteRegistry}) skip the aggregator: their body goes to
 * the handler's {@link BodySink} in chunks of about {@value #CHUNK_BYTES} bytes, and the connection is not
 * read while a chunk is being written, so one upload holds at most a chunk and one read in memory. Every other
 * request passes on untouched. One instance per connection; everything runs on its event loop.
 */
final class StreamedBodies extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(StreamedBodies.class);
    /** Bytes gathered before they are handed to the sink. */
    static final int CHUNK_BYTES = 1024 * 1024;
    /** A refused body up to this size is read and dropped, so the connection stays usable; a larger one closes it. */
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private final HttpRouteRegistry api;

    /** A streamed request is in progress (until its response is written). */
    private boolean active;
    private boolean keepAlive;
    /** Its body is being dropped after a refusal; how many bytes of it were. */
    private boolean discarding;
    private long discarded;
    private BodySink sink;
    private ByteBuf pending;
    private boolean writing;
    private boolean lastSeen;
    private boolean finished;
    private boolean lost;

    StreamedBodies(HttpRouteRegistry api) {
        this.api = api;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!active) {
            if (msg instanceof HttpRequest request && !(msg instanceof FullHttpRequest)) {
                String path = new QueryStringDecoder(request.uri()).path();
                HttpRouteRegistry.Match match = api.match(request.method().name(), path);
                if (match != null && match.streaming() != null) {
                    start(ctx, request, path, match);
                    return;
                }
            }
            ctx.fireChannelRead(msg);
            return;
        }
        if (!(msg instanceof HttpContent content)) {
            // A pipelined request behind a streamed one: not supported, the client must ask again.
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (discarding || finished) {
            discarded += content.content().readableBytes();
            content.release();
            if (discarding && discarded > DRAIN_LIMIT) {
                ctx.close(); // the answer is out; reading on would cost more than a new connection
            } else if (last && discarding) {
                done(ctx);
            }
            return;
        }
        pending.writeBytes(content.content());
        content.release();
        if (last) lastSeen = true;
        if (pending.readableBytes() >= CHUNK_BYTES || lastSeen) flush(ctx);
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request, String path, HttpRouteRegistry.Match match) {
        active = true;
        discarding = false;
        lastSeen = finished = false;
        keepAlive = HttpUtil.isKeepAlive(request);
        if (!HttpUtil.isContentLengthSet(request)) { // chunked: dropped while it stays small
            refuse(ctx, Replies.problem(HttpResponseStatus.LENGTH_REQUIRED, "a Content-Length is required here"), true);
            return;
        }
        long length = HttpUtil.getContentLength(request, -1L);
        if (length < 0 || length > match.maxBodyBytes()) {
            refuse(ctx, Replies.problem(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the body may have at most " + match.maxBodyBytes() + " bytes"), length >= 0 && length <= DRAIN_LIMIT);
            return;
        }
        boolean drainable = length <= DRAIN_LIMIT;
        boolean expectContinue = HttpUtil.is100ContinueExpected(request);
        pending = ctx.alloc().directBuffer(CHUNK_BYTES + 64 * 1024);
        ctx.channel().config().setAutoRead(false);
        Transfers.progressed(ctx.channel());
        CompletionStage<StreamingHandler.Decision> decision;
        try {
            decision = match.streaming().begin(HttpRoutes.copy(ctx, request, path, match, new byte[0]));
        } catch (RuntimeException e) {
            decision = CompletableFuture.failedFuture(e);
        }
        decision.whenComplete((d, error) -> ctx.executor().execute(() -> {
            if (lost) {
                if (d != null && d.sink() != null) d.sink().abort(); // accepted just as the client went away
                return;
            }
            if (error != null || d == null) {
                log.warn("{} {} failed", request.method(), path, error);
                refuse(ctx, Replies.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the server could not answer this request"), drainable);
            } else if (d.refusal() != null) {
                refuse(ctx, Replies.of(d.refusal()), drainable);
            } else {
                sink = d.sink();
                if (expectContinue) ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
                ctx.channel().config().setAutoRead(true);
                flush(ctx);
            }
        }));
    }

    /** Answers at once and drops the body: read to its end when small, else by closing the connection. */
    private void refuse(ChannelHandlerContext ctx, io.netty.handler.codec.http.FullHttpResponse response, boolean drain) {
        releasePending();
        discarding = true;
        discarded = 0;
        boolean stayOpen = keepAlive && (drain || lastSeen);
        Replies.send(ctx, stayOpen, response);
        if (lastSeen) {
            done(ctx);
        } else if (stayOpen) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void flush(ChannelHandlerContext ctx) {
        if (writing || sink == null || finished) return;
        if (!pending.isReadable()) {
            if (lastSeen) end(ctx);
            return;
        }
        ByteBuf chunk = pending;
        pending = ctx.alloc().directBuffer(CHUNK_BYTES + 64 * 1024);
        writing = true;
        ctx.channel().config().setAutoRead(false);
        Transfers.progressed(ctx.channel());
        CompletionStage<Void> written;
        try {
            written = sink.write(chunk.nioBuffer());
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((v, error) -> ctx.executor().execute(() -> {
            chunk.release();
            writing = false;
            if (lost) {
                abort();
            } else if (error != null) {
                log.warn("a streamed body could not be stored", error);
                abort();
                refuse(ctx, Replies.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the body could not be stored"), false);
            } else {
                if (!lastSeen) ctx.channel().config().setAutoRead(true);
                flush(ctx);
            }
        }));
    }

    private void end(ChannelHandlerContext ctx) {
        finished = true;
        releasePending();
        BodySink ending = sink;
        sink = null;
        CompletionStage<HttpResponse> response;
        try {
            response = ending.end();
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((r, error) -> ctx.executor().execute(() -> {
            if (lost) return;
            if (error != null || r == null) {
                log.warn("a streamed body could not be finished", error);
                Replies.send(ctx, keepAlive, Replies.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "the body could not be stored"));
            } else {
                ModuleResponses.write(ctx, keepAlive, false, r);
            }
            done(ctx);
        }));
    }

    /** The request is over: later ones on the connection are read as usual. */
    private void done(ChannelHandlerContext ctx) {
        active = discarding = writing = false;
        sink = null;
        releasePending();
        if (ctx.channel().isActive()) ctx.channel().config().setAutoRead(true);
    }

    private void abort() {
        BodySink aborted = sink;
        sink = null;
        if (aborted != null) aborted.abort();
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lost = true;
        if (!writing) abort(); // else once the write in flight returns
        releasePending();
        ctx.fireChannelInactive();
    }
}
