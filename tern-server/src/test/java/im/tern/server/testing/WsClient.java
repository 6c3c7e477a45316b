package im.tern.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An RFC 7395 test client on Java's own WebSocket: one element per frame, read frame by frame. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    /** The close status code the server sent. */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    public static WsClient connect(int port) throws Exception {
        WsClient c = new WsClient();
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/xmpp-websocket"), c).get(10, TimeUnit.SECONDS);
        return c;
    }

    public String subprotocol() { return socket.getSubprotocol(); }

    public WsClient send(String element) throws Exception {
        socket.sendText(element, true).get(10, TimeUnit.SECONDS);
        return this;
    }

    public WsClient sendBinary(byte[] bytes) throws Exception {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
        return this;
    }

    /** The next frame's text; fails after 10 s. */
    public String next() throws InterruptedException {
        String f = frames.poll(10, TimeUnit.SECONDS);
        if (f == null) throw new AssertionError("no frame within 10 s");
        return f;
    }

    /** Skips frames until one contains {@code needle}, and returns it. */
    public String expect(String needle) throws InterruptedException {
        while (true) {
            String f = next();
            if (f.contains(needle)) return f;
        }
    }

    /** Sends {@code <open/>} and returns the features frame after the server's {@code <open/>}. */
    public String open() throws Exception {
        send("<open xmlns='" + FRAMING + "' to='" + TestServer.DOMAIN + "' version='1.0'/>");
        String open = next();
        if (!open.startsWith("<open ")) throw new AssertionError("expected <open/>, got " + open);
        return next();
    }

    /** SCRAM without channel binding; returns the final answer. */
    public String authScram(im.tern.core.auth.ScramAlgorithm alg, String user, String password) throws Exception {
        ScramClient scram = new ScramClient(alg, "n,,", user);
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + alg.mechanism() + "'>"
                + b64(scram.clientFirst()) + "</auth>");
        String challenge = next();
        if (!challenge.startsWith("<challenge")) return challenge;
        String serverFirst = new String(Base64.getDecoder().decode(text(challenge)), StandardCharsets.UTF_8);
        send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + b64(scram.clientFinal(serverFirst, password)) + "</response>");
        return next();
    }

    public String bind(String resource) throws Exception {
        send("<iq xmlns='jabber:client' type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + resource + "</resource></bind></iq>");
        Matcher m = Pattern.compile("<jid>([^<]+)</jid>").matcher(expect("bind1"));
        if (!m.find()) throw new AssertionError("bind failed");
        return m.group(1);
    }

    private static String text(String element) {
        Matcher m = Pattern.compile(">([^<]*)<").matcher(element);
        return m.find() ? m.group(1) : "";
    }

    private static String b64(String s) { return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)); }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) { closed.completeExceptionally(error); }

    @Override
    public void close() { socket.abort(); }
}
