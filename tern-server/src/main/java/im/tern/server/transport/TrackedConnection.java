package im.tern.server.transport;

import io.netty.channel.ChannelFuture;

/**
 * A client connection as the {@link ConnectionTracker} sees it, whatever carries it (TCP, WebSocket):
 * the times the sweep compares, and the two ways the server ends it.
 */
public interface TrackedConnection {
    /** Whether the client authenticated (the idle timeout applies instead of the unauthenticated one). */
    boolean isAuthenticated();

    /** {@link ConnectionTracker#now()} when something last arrived. */
    long lastActivity();

    /** {@link ConnectionTracker#now()} when the connection opened. */
    long openedAt();

    /** Called by the sweep, off the connection's loop: end the stream with connection-timeout. */
    void timedOut();

    /** Ends the stream with system-shutdown, from any thread; the returned future completes on close. */
    ChannelFuture shutdown();
}
