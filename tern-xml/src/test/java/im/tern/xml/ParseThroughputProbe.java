package im.tern.xml;

import java.nio.charset.StandardCharsets;

/**
 * Stanzas per second through {@link StreamParser} on one thread: all input in large feeds, one feed per
 * stanza (the reader is released and re-created every time), and one feed per stanza with the reader
 * kept. Not a unit test; run with {@code java -cp ... im.tern.xml.ParseThroughputProbe}.
 */
public final class ParseThroughputProbe {
    static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    static final byte[] STANZA = ("<message to='bob@tern.im/phone' from='alice@tern.im/web' id='a8f3c2d1' type='chat'>"
            + "<body>Hello Bob, are we still on for lunch tomorrow? \uD83D\uDE00</body>"
            + "<request xmlns='urn:xmpp:receipts'/><markable xmlns='urn:xmpp:chat-markers:0'/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='de305d54-75b4-431b-adb2-eb6b9e546014'/></message>")
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int n = 200_000;
        byte[] batch = new byte[STANZA.length * 100];
        for (int i = 0; i < 100; i++) System.arraycopy(STANZA, 0, batch, i * STANZA.length, STANZA.length);
        for (int round = 0; round < 5; round++) {
            System.out.printf("batched feeds (31 KB):     %,.0f stanzas/s%n", run(n, batch, true));
            System.out.printf("feed per stanza, release:  %,.0f stanzas/s%n", run(n, STANZA, true));
            System.out.printf("feed per stanza, kept:     %,.0f stanzas/s%n", run(n, STANZA, false));
            System.out.printf("ElementParser per stanza:  %,.0f stanzas/s%n", standalone(n));
            System.out.printf("new+close Aalto reader:    %,.0f ns%n", readerCost(n));
        }
        System.out.printf("stanza size %d bytes%n", STANZA.length);
    }

    static double standalone(int stanzas) throws Exception {
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < stanzas; i++) sink += ElementParser.parse(STANZA, XmlLimits.DEFAULT).attrCount();
        if (sink == 0) throw new IllegalStateException();
        return stanzas / ((System.nanoTime() - start) / 1e9);
    }

    static double readerCost(int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) RestrictedXmlFactory.close(RestrictedXmlFactory.newReader(), 0);
        return (System.nanoTime() - start) / (double) n;
    }

    static double run(int stanzas, byte[] chunk, boolean release) throws Exception {
        int[] count = {0};
        StreamListener counting = new StreamListener() {
            @Override public void onStreamOpen(StreamHeader header) { }
            @Override public void onElement(Element element) { count[0]++; }
            @Override public void onStreamClose() { }
        };
        StreamParser p = new StreamParser(XmlLimits.DEFAULT, counting, release);
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        p.feed(header, 0, header.length);
        long start = System.nanoTime();
        while (count[0] < stanzas) p.feed(chunk, 0, chunk.length);
        return count[0] / ((System.nanoTime() - start) / 1e9);
    }
}
