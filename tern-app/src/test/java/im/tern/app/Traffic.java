package im.tern.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.XmlElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.impl.JidCreate;

/** Helpers for end-to-end tests that send and receive messages: ordered inboxes, quick builders, waiting for the server. */
final class Traffic {
    private static final Pattern SESSIONS = Pattern.compile("\"sessions\"\\s*:\\s*(\\d+)");

    private Traffic() {}

    /** Every message the connection receives, in the order it arrived (a synchronous listener keeps it). */
    static BlockingQueue<Message> inbox(XMPPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> q.add((Message) s), StanzaTypeFilter.MESSAGE);
        return q;
    }

    /**
     * A connection whose inbox listens before it logs in, so nothing the server sends at once is missed.
     * Returns once the server has taken its initial presence (a ping answered after it), so the resource
     * is available to messages sent from then on.
     */
    static Logged loginWithInbox(RunningTern tern, String user, String resource) throws Exception {
        XMPPTCPConnection c = tern.connection(tern.config(user, "pw", resource).build());
        BlockingQueue<Message> inbox = inbox(c);
        c.connect().login();
        if (!PingManager.getInstanceFor(c).pingMyServer(true)) throw new AssertionError("no answer to a ping");
        return new Logged(c, inbox);
    }

    /** The account's archive, checked for support first (which is also how Smack learns the MAM version). */
    static MamManager archive(XMPPConnection c) throws Exception {
        MamManager mam = MamManager.getInstanceFor(c);
        if (!mam.isSupported()) throw new AssertionError("no archive on " + c.getUser());
        return mam;
    }

    record Logged(XMPPTCPConnection connection, BlockingQueue<Message> inbox) {}

    static Message chat(String to, String body, XmlElement... extensions) throws Exception {
        MessageBuilder b = StanzaBuilder.buildMessage(org.jivesoftware.smack.util.StringUtils.randomString(12))
                .to(JidCreate.from(to)).ofType(Message.Type.chat);
        if (body != null) b.setBody(body);
        for (XmlElement e : extensions) b.addExtension(e);
        return b.build();
    }

    /** Takes {@code n} messages, failing when they do not come within the timeout. */
    static List<Message> take(BlockingQueue<Message> q, int n, Duration timeout) throws InterruptedException {
        List<Message> out = new ArrayList<>(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < n) {
            Message m = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) throw new AssertionError("got " + out.size() + " of " + n + " messages within " + timeout);
            out.add(m);
        }
        return out;
    }

    /** Whatever arrives within the wait: for checking that nothing (more) comes. */
    static List<Message> quietFor(BlockingQueue<Message> q, Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Message> out = new ArrayList<>();
        q.drainTo(out);
        return out;
    }

    /** Waits until the server counts {@code n} bound sessions (its /health endpoint), e.g. after a disconnect. */
    static void awaitSessions(RunningTern tern, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TrustAllTls.context()).build();
        URI health = URI.create("https://127.0.0.1:" + tern.server.httpPort() + "/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = SESSIONS.matcher(body);
            if (m.find() && (last = Integer.parseInt(m.group(1))) == n) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the server still has " + last + " sessions, not " + n);
    }
}
