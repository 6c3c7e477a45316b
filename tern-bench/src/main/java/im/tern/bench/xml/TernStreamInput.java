package im.tern.bench.xml;

import im.tern.xml.StreamListener;
import im.tern.xml.StreamParser;
import im.tern.xml.XmlLimits;
import im.tern.xml.XmlStreamException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Tern's own {@link StreamParser} behind {@link XmlInput}. A reset asked for from inside a listener
 * callback (SASL success) waits until the current feed returns, as the parser requires.
 */
public final class TernStreamInput implements XmlInput {
    private final StreamParser parser;
    private boolean feeding;
    private boolean resetPending;

    public TernStreamInput(StreamListener listener, XmlLimits limits) {
        this.parser = new StreamParser(limits, listener);
    }

    @Override
    public void feed(ByteBuf in) throws XmlStreamException {
        feeding = true;
        try {
            if (in.nioBufferCount() == 1) {
                parser.feed(in.nioBuffer());
            } else {
                byte[] copy = ByteBufUtil.getBytes(in);
                parser.feed(copy, 0, copy.length);
            }
            in.skipBytes(in.readableBytes());
        } finally {
            feeding = false;
            if (resetPending) {
                resetPending = false;
                parser.reset();
            }
        }
    }

    @Override
    public void reset() {
        if (feeding) resetPending = true;
        else parser.reset();
    }
}
