package im.tern.server.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Writes to a channel in the order the writes were asked for, from any thread. Netty writes at once when
 * called on the channel's event loop but queues a task when called from elsewhere, so a write from the loop
 * could overtake one queued a moment earlier by a storage thread; a client would then see an IQ result
 * before the results it sums up, and stream management would count stanzas in a different order than the
 * client received them. While any write is queued, writes from the loop queue behind it too.
 */
public final class OrderedWriter {
    private static final AtomicIntegerFieldUpdater<OrderedWriter> QUEUED =
            AtomicIntegerFieldUpdater.newUpdater(OrderedWriter.class, "queued");

    private final Channel channel;
    private volatile int queued;

    public OrderedWriter(Channel channel) {
        this.channel = channel;
    }

    public void write(Object message) { write(message, null); }

    /** Writes and flushes; {@code then} (may be null) runs when the write completes. */
    public void write(Object message, ChannelFutureListener then) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop() && queued == 0) {
            writeNow(message, then);
            return;
        }
        QUEUED.incrementAndGet(this);
        try {
            loop.execute(() -> {
                QUEUED.decrementAndGet(this);
                writeNow(message, then);
            });
        } catch (RejectedExecutionException shutDown) {
            QUEUED.decrementAndGet(this);
            ReferenceCountUtil.release(message);
        }
    }

    /** Runs {@code task} on the loop once every write asked for before it has gone into the pipeline. */
    public void afterWrites(Runnable task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop() && queued == 0) {
            task.run();
            return;
        }
        QUEUED.incrementAndGet(this);
        loop.execute(() -> {
            QUEUED.decrementAndGet(this);
            task.run();
        });
    }

    private void writeNow(Object message, ChannelFutureListener then) {
        if (then == null) channel.writeAndFlush(message, channel.voidPromise());
        else channel.writeAndFlush(message).addListener(then);
    }
}
