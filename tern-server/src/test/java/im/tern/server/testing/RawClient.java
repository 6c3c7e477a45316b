package im.tern.server.testing;

import im.tern.core.auth.ScramAlgorithm;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * A test client on a plain socket that writes XML strings and reads until it sees what it expects.
 * Enough XMPP to negotiate: STARTTLS, PLAIN, SCRAM, bind.
 */
public final class RawClient implements AutoCloseable {
    private static final long TIMEOUT_MS = 10_000;

    private Socket socket;
    private Reader in;
    private OutputStream out;
    private final StringBuilder buffer = new StringBuilder();
    private String jid;

    private RawClient(Socket socket) throws IOException {
        use(socket);
    }

    public static RawClient connect(int port) throws IOException {
        return new RawClient(new Socket("127.0.0.1", port));
    }

    /** XEP-0368: TLS from the first byte. */
    public static RawClient connectTls(int port) throws IOException {
        SSLSocket s = (SSLSocket) TrustAll.context().getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout((int) TIMEOUT_MS);
        s.startHandshake();
        return new RawClient(s);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(200);
        in = new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8);
        out = s.getOutputStream();
    }

    public String jid() { return jid; }

    public RawClient send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public RawClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads until the text contains {@code needle}; returns and consumes everything up to and including it. */
    public String expect(String needle) throws IOException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            int at = buffer.indexOf(needle);
            if (at >= 0) {
                String got = buffer.substring(0, at + needle.length());
                buffer.delete(0, at + needle.length());
                return got;
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no " + needle + " in: " + buffer);
            if (!readSome()) throw new AssertionError("closed before " + needle + "; got: " + buffer);
        }
    }

    /** Reads until the server closes the connection; returns all that arrived. */
    public String expectClosed() throws IOException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        try {
            while (readSome()) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("still open; got: " + buffer);
            }
        } catch (IOException reset) {
            // A reset after the server's close counts as closed.
        }
        String all = buffer.toString();
        buffer.setLength(0);
        return all;
    }

    /** Waits a moment and returns whatever arrived, without blocking for more. */
    public String drain(long millis) throws IOException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until && readSome()) { }
        String all = buffer.toString();
        buffer.setLength(0);
        return all;
    }

    private boolean readSome() throws IOException {
        char[] chunk = new char[4096];
        try {
            int n = in.read(chunk);
            if (n < 0) return false;
            buffer.append(chunk, 0, n);
        } catch (SocketTimeoutException e) {
            // nothing yet
        }
        return true;
    }

    public String open() throws IOException {
        send("<?xml version='1.0'?><stream:stream to='" + TestServer.DOMAIN + "' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
        return expect("</stream:features>");
    }

    public String startTls() throws IOException {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        expect("<proceed");
        expect("/>");
        SSLSocket tls = (SSLSocket) TrustAll.context().getSocketFactory()
                .createSocket(socket, "127.0.0.1", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.setSoTimeout((int) TIMEOUT_MS); // the short read timeout below is for polling, not for handshakes
        tls.startHandshake();
        use(tls);
        return open();
    }

    /** Sends PLAIN and returns the server's answer (success or failure element). */
    public String authPlain(String authzid, String user, String password) throws IOException {
        String msg = (authzid == null ? "" : authzid) + "\0" + user + "\0" + password;
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + b64(msg) + "</auth>");
        return saslAnswer();
    }

    /** Runs a whole SCRAM exchange (no channel binding) and returns the final answer. */
    public String authScram(ScramAlgorithm alg, String user, String password) throws IOException {
        ScramClient scram = new ScramClient(alg, "n,,", user);
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + alg.mechanism() + "'>"
                + b64(scram.clientFirst()) + "</auth>");
        String answer = saslAnswer();
        if (!answer.contains("<challenge")) return answer;
        String serverFirst = new String(Base64.getDecoder().decode(text(answer)), StandardCharsets.UTF_8);
        send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + b64(scram.clientFinal(serverFirst, password))
                + "</response>");
        String last = saslAnswer();
        if (last.contains("<success")) {
            String got = new String(Base64.getDecoder().decode(text(last)), StandardCharsets.UTF_8);
            if (!got.equals(scram.expectedServerFinal())) throw new AssertionError("server signature mismatch: " + got);
        }
        return last;
    }

    private static final Pattern SASL_ANSWER =
            Pattern.compile("<(success|challenge|failure)\\b[^>]*?(/>|>.*?</\\1>)", Pattern.DOTALL);

    private String saslAnswer() throws IOException { return expect(SASL_ANSWER); }

    /** Reads until the pattern matches; returns the match and consumes everything up to its end. */
    public String expect(Pattern pattern) throws IOException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            Matcher m = pattern.matcher(buffer);
            if (m.find()) {
                String got = m.group();
                buffer.delete(0, m.end());
                return got;
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError("no " + pattern + " in: " + buffer);
            if (!readSome()) throw new AssertionError("closed before " + pattern + "; got: " + buffer);
        }
    }

    public String bind(String resource) throws IOException {
        send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + (resource == null ? "" : "<resource>" + resource + "</resource>") + "</bind></iq>");
        String reply = expect("</iq>");
        Matcher m = Pattern.compile("<jid>([^<]+)</jid>").matcher(reply);
        if (!m.find()) throw new AssertionError("bind failed: " + reply);
        jid = m.group(1);
        return jid;
    }

    /** STARTTLS, PLAIN and the restart, stopping before the bind; returns the post-auth features. */
    public String authenticate(String user, String password) throws IOException {
        open();
        startTls();
        String answer = authPlain(null, user, password);
        if (!answer.contains("<success")) throw new AssertionError("login failed: " + answer);
        return open();
    }

    /** Drops the connection the way a phone losing its network does: no stream close, a TCP reset. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** STARTTLS, PLAIN, restart, bind, and an initial presence so messages to the bare JID arrive. */
    public RawClient loginPlain(String user, String password, String resource) throws IOException {
        open();
        startTls();
        String answer = authPlain(null, user, password);
        if (!answer.contains("<success")) throw new AssertionError("login failed: " + answer);
        String features = open();
        if (!features.contains("urn:ietf:params:xml:ns:xmpp-bind")) throw new AssertionError("no bind: " + features);
        bind(resource);
        send("<presence/>");
        sync();
        return this;
    }

    /** A round trip: everything sent before has been processed by the server when this returns. */
    public void sync() throws IOException {
        send("<iq type='get' id='sync' to='" + TestServer.DOMAIN + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        expect(Pattern.compile("<iq[^>]*id=\"sync\"[^>]*?(/>|>.*?</iq>)", Pattern.DOTALL));
    }

    static String text(String element) {
        Matcher m = Pattern.compile(">([^<]*)<").matcher(element);
        return m.find() ? m.group(1) : "";
    }

    static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    public boolean isClosed() { return socket.isClosed(); }

    @Override
    public void close() throws IOException { socket.close(); }
}
