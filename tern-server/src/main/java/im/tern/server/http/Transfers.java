package im.tern.server.http;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * When a file transfer on an HTTP connection last made progress. An HTTP connection that is no XMPP stream is
 * closed after the unauthenticated timeout; counted from the last progress instead of the accept, a large
 * upload or download that keeps moving is not cut, while a stalled one still is.
 */
final class Transfers {
    private static final AttributeKey<Long> PROGRESS = AttributeKey.valueOf("tern.transferProgress");

    private Transfers() {}

    static void progressed(Channel channel) { channel.attr(PROGRESS).set(System.nanoTime()); }

    /** The last progress in {@link System#nanoTime()} terms, or {@code otherwise} when none was made. */
    static long lastProgress(Channel channel, long otherwise) {
        Long at = channel.attr(PROGRESS).get();
        return at == null ? otherwise : Math.max(at, otherwise);
    }
}
