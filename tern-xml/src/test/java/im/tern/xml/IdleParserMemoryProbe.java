package im.tern.xml;

import java.nio.charset.StandardCharsets;

/**
 * Measures the heap an idle stream parser retains: 10,000 parsers that have each read a stream header
 * and a few stanzas, with and without the idle release of the Aalto reader. Not a unit test; run with
 * {@code java -cp ... im.tern.xml.IdleParserMemoryProbe}.
 */
public final class IdleParserMemoryProbe {
    static final int PARSERS = 10_000;
    static final byte[] INPUT = ("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='tern.im' version='1.0' xml:lang='en'>"
            + "<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone</resource></bind></iq>"
            + "<presence><show>chat</show><status>about</status></presence>"
            + "<message to='bob@tern.im' id='m1' type='chat'><body>hello there, how are you?</body>"
            + "<request xmlns='urn:xmpp:receipts'/></message>\n").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        byte[] big = ("<message><body>" + "x".repeat(64 * 1024) + "</body></message>").getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 2; round++) {
            System.out.printf("kept reader:     %,d bytes per idle parser%n", retainedPerParser(false, PARSERS, null));
            System.out.printf("released reader: %,d bytes per idle parser%n", retainedPerParser(true, PARSERS, null));
        }
        System.out.printf("kept reader, after a 64 KiB stanza:     %,d bytes%n", retainedPerParser(false, 1000, big));
        System.out.printf("released reader, after a 64 KiB stanza: %,d bytes%n", retainedPerParser(true, 1000, big));
    }

    static long retainedPerParser(boolean release, int count, byte[] extra) throws Exception {
        StreamListener ignore = new StreamListener() {
            @Override public void onStreamOpen(StreamHeader header) { }
            @Override public void onElement(Element element) { }
            @Override public void onStreamClose() { }
        };
        long before = usedAfterGc();
        StreamParser[] parsers = new StreamParser[count];
        for (int i = 0; i < count; i++) {
            parsers[i] = new StreamParser(XmlLimits.DEFAULT, ignore, release);
            parsers[i].feed(INPUT, 0, INPUT.length);
            if (extra != null) parsers[i].feed(extra, 0, extra.length);
        }
        long after = usedAfterGc();
        if (parsers[count - 1].isReleased() != release) throw new IllegalStateException("release did not happen as asked");
        long per = (after - before) / count;
        for (StreamParser p : parsers) p.close();
        return per;
    }

    static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
