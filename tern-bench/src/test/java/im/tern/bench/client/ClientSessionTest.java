package im.tern.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import im.tern.bench.sasl.ScramKeyCache;
import im.tern.bench.xml.TernStreamInput;
import im.tern.xml.XmlLimits;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.core.auth.ScramCredential;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A scripted server conversation against one client session, in memory. */
class ClientSessionTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' from='example.com' id='s1' version='1.0'>";
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

    private final List<String> log = new ArrayList<>();
    private final List<Long> messages = new ArrayList<>();
    private final SessionEvents events = new SessionEvents() {
        @Override public void ready(ClientSession s, long loginNanos) { log.add("ready " + s.jid()); }
        @Override public void failed(ClientSession s, String reason) { log.add("failed " + reason); }
        @Override public void closed(ClientSession s) { log.add("closed"); }
        @Override public void message(long sentNanos) { messages.add(sentNanos); }
        @Override public void stanzaError(String kind, String condition) { log.add(kind + " " + condition); }
    };

    private ClientSettings settings(String mechanism) {
        return new ClientSettings("example.com", "pencil", null, mechanism, false, true, "bench", new ScramKeyCache(4), 60_000,
                listener -> new TernStreamInput(listener, XmlLimits.DEFAULT));
    }

    @Test
    void logsInWithScramSha256BindsAndReceivesABenchmarkMessage() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientSession("alice", settings("auto"), events));
        assertThat(out(ch)).contains("<stream:stream").contains("to='example.com'");

        // Split mid-tag to check the client buffers partial input.
        in(ch, HEADER + "<stream:features><mechanisms xmlns='" + SASL + "'><mechanism>PLAIN</mechanism>");
        in(ch, "<mechanism>SCRAM-SHA-256</mechanism></mechanisms></stream:fea");
        in(ch, "tures>");
        String auth = out(ch);
        assertThat(auth).contains("mechanism='SCRAM-SHA-256'");
        String clientFirst = decode(between(auth, "'>", "</auth>"));
        assertThat(clientFirst).startsWith("n,,n=alice,r=");

        ScramServer server = new ScramServer(clientFirst.substring(3));
        in(ch, "<challenge xmlns='" + SASL + "'>" + encode(server.first()) + "</challenge>");
        String clientFinal = decode(between(out(ch), "'>", "</response>"));
        in(ch, "<success xmlns='" + SASL + "'>" + encode(server.finalMessage(clientFinal)) + "</success>");

        assertThat(out(ch)).contains("<stream:stream");
        in(ch, HEADER + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
        assertThat(out(ch)).contains("<resource>bench</resource>");
        in(ch, "<iq type='result' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>alice@example.com/bench</jid></bind></iq>");
        assertThat(out(ch)).isEqualTo("<presence/>");
        assertThat(log).containsExactly("ready alice@example.com/bench");

        in(ch, "<message from='bob@example.com/bench' type='chat'><body>tern-bench 12345</body></message>");
        assertThat(messages).containsExactly(12345L);
    }

    @Test
    void failsWhenTheServerRefusesTheCredentials() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientSession("alice", settings("PLAIN"), events));
        out(ch);
        in(ch, HEADER + "<stream:features><mechanisms xmlns='" + SASL + "'><mechanism>PLAIN</mechanism></mechanisms></stream:features>");
        assertThat(decode(between(out(ch), "'>", "</auth>"))).isEqualTo("\0alice\0pencil");

        in(ch, "<failure xmlns='" + SASL + "'><not-authorized/></failure>");

        assertThat(log).containsExactly("failed SASL failure not-authorized");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void answersServerPings() {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientSession("alice", settings("PLAIN"), events));
        out(ch);
        in(ch, HEADER + "<iq type='get' id='p1' from='example.com'><ping xmlns='urn:xmpp:ping'/></iq>");

        assertThat(out(ch)).isEqualTo("<iq type='result' id='p1' to='example.com'/>");
    }

    /** The server half of SCRAM-SHA-256 for the password "pencil". */
    private static final class ScramServer {
        private final ScramCredential credential = ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", 4096);
        private final String clientFirstBare;
        private final String first;

        ScramServer(String clientFirstBare) {
            this.clientFirstBare = clientFirstBare;
            Matcher m = Pattern.compile("r=([^,]+)").matcher(clientFirstBare);
            assertThat(m.find()).isTrue();
            first = "r=" + m.group(1) + "srv,s=" + Base64.getEncoder().encodeToString(credential.salt()) + ",i=4096";
        }

        String first() { return first; }

        String finalMessage(String clientFinal) {
            String withoutProof = clientFinal.substring(0, clientFinal.indexOf(",p="));
            byte[] auth = (clientFirstBare + "," + first + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
            byte[] proof = Base64.getDecoder().decode(clientFinal.substring(clientFinal.indexOf(",p=") + 3));
            byte[] signature = ScramCredential.hmac(ScramAlgorithm.SHA_256, credential.storedKey(), auth);
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ signature[i]);
            assertThat(ScramCredential.hash(ScramAlgorithm.SHA_256, clientKey)).isEqualTo(credential.storedKey());
            return "v=" + Base64.getEncoder().encodeToString(ScramCredential.hmac(ScramAlgorithm.SHA_256, credential.serverKey(), auth));
        }
    }

    private static void in(EmbeddedChannel ch, String xml) {
        ch.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
    }

    private static String out(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return sb.toString();
    }

    private static String between(String s, String from, String to) {
        int start = s.indexOf(from) + from.length();
        return s.substring(start, s.indexOf(to, start));
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
