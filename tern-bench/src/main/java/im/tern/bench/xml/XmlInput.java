package im.tern.bench.xml;

import im.tern.xml.XmlStreamException;
import io.netty.buffer.ByteBuf;

/** Bytes of one XMPP stream in, {@link im.tern.xml.StreamListener} callbacks out. */
public interface XmlInput {
    /** Consumes all readable bytes of {@code in} (does not release it). */
    void feed(ByteBuf in) throws XmlStreamException;

    /** Forgets everything buffered: the stream restarts (after STARTTLS or SASL success). */
    void reset();
}
