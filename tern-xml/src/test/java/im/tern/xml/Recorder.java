package im.tern.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A listener that records what a parser recognised: headers, elements and "close", in order. */
final class Recorder implements StreamListener {
    static final String CLOSE = "close";
    final List<Object> events = new ArrayList<>();

    @Override public void onStreamOpen(StreamHeader header) { events.add(header); }

    @Override public void onElement(Element element) { events.add(element); }

    @Override public void onStreamClose() { events.add(CLOSE); }

    List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Object o : events) if (o instanceof Element e) out.add(e);
        return out;
    }

    /** Parses the input fed whole. */
    static Recorder parseWhole(String xml) throws XmlStreamException {
        Recorder r = new Recorder();
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        new StreamParser(XmlLimits.DEFAULT, r).feed(b, 0, b.length);
        return r;
    }

    /** Parses the input fed in pieces of the given size. */
    static Recorder parseInPieces(byte[] b, int piece) throws XmlStreamException {
        Recorder r = new Recorder();
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, r);
        for (int i = 0; i < b.length; i += piece) p.feed(b, i, Math.min(piece, b.length - i));
        return r;
    }
}
