package im.tern.bench.client;

import im.tern.bench.sasl.ScramClient;
import im.tern.bench.xml.XmlInput;
import im.tern.core.auth.ScramAlgorithm;
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import im.tern.xml.XmlStreamException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated XMPP client: the login state machine (stream, STARTTLS, optional in-band
 * registration, SASL, bind, presence) and then a sender and receiver of benchmark messages.
 * Lives on one Netty channel; every method but {@link #sendChat} runs on that channel's event loop.
 */
public final class ClientSession extends ChannelInboundHandlerAdapter implements StreamListener {
    private enum State { STREAM, STARTTLS, REGISTER, AUTH, BIND, READY, DONE }

    private final String username;
    private final ClientSettings settings;
    private final SessionEvents events;
    private final XmlInput input;
    private ChannelHandlerContext ctx;
    private State state = State.STREAM;
    private long startNanos;
    private boolean tls;
    private boolean registered;
    private boolean authenticated;
    private List<String> mechanisms = List.of();
    private ScramClient scram;
    private ScheduledFuture<?> loginTimeout;
    private volatile String jid;
    /** Replies awaited for IQs sent with {@link #sendIq}, by id. */
    private final java.util.Map<String, java.util.function.Consumer<Element>> awaited = new java.util.concurrent.ConcurrentHashMap<>();

    public ClientSession(String username, ClientSettings settings, SessionEvents events) {
        this.username = username;
        this.settings = settings;
        this.events = events;
        this.registered = !settings.register();
        this.input = settings.xml().apply(this);
    }

    public String username() { return username; }

    /** The full JID the server bound, once ready. */
    public String jid() { return jid; }

    public Channel channel() { return ctx.channel(); }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        startNanos = System.nanoTime();
        loginTimeout = ctx.executor().schedule(() -> fail("login timed out in state " + state),
                settings.loginTimeoutMillis(), TimeUnit.MILLISECONDS);
        send(ClientStanzas.streamHeader(settings.domain()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            input.feed(buf);
        } catch (XmlStreamException | RuntimeException e) {
            fail("input: " + e.getMessage());
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state == State.READY) {
            state = State.DONE;
            events.closed(this);
        } else {
            fail("connection closed in state " + state);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.READY) ctx.close();
        else fail(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    @Override
    public void onStreamOpen(StreamHeader header) {
        // Features follow; nothing to check for a benchmark.
    }

    @Override
    public void onStreamClose() {
        if (state == State.READY) ctx.close();
        else fail("server closed the stream in state " + state);
    }

    @Override
    public void onElement(Element e) {
        switch (e.name()) {
            case "features" -> onFeatures(e);
            case "proceed" -> onProceed();
            case "challenge" -> onChallenge(e);
            case "success" -> onSuccess(e);
            case "failure" -> fail(e.namespace().equals(ClientStanzas.TLS) ? "STARTTLS refused" : "SASL failure " + condition(e));
            case "error" -> onStreamError(e);
            case "iq" -> onIq(e);
            case "message" -> onMessage(e);
            default -> { }
        }
    }

    private void onFeatures(Element features) {
        if (settings.tls() != null && !tls) {
            if (features.child("starttls", ClientStanzas.TLS) == null) {
                fail("server does not offer STARTTLS");
                return;
            }
            state = State.STARTTLS;
            send(ClientStanzas.startTls());
            return;
        }
        if (!authenticated) {
            Element mechs = features.child("mechanisms", ClientStanzas.SASL);
            List<String> offered = new ArrayList<>();
            if (mechs != null) for (Element m : mechs.elements("mechanism", ClientStanzas.SASL)) offered.add(m.text().trim());
            mechanisms = offered;
            if (!registered) {
                state = State.REGISTER;
                send(ClientStanzas.register(username, settings.password()));
            } else {
                authenticate();
            }
            return;
        }
        state = State.BIND;
        send(ClientStanzas.bind(settings.resource()));
    }

    private void onProceed() {
        input.reset();
        SslHandler ssl = settings.tls().newHandler(ctx.alloc(), settings.domain(), 0);
        ctx.pipeline().addFirst("tls", ssl);
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                tls = true;
                send(ClientStanzas.streamHeader(settings.domain()));
            } else {
                fail("TLS handshake: " + f.cause());
            }
        });
    }

    private void authenticate() {
        String mechanism = chooseMechanism();
        if (mechanism == null) {
            fail("no usable SASL mechanism among " + mechanisms);
            return;
        }
        state = State.AUTH;
        if (mechanism.equals("PLAIN")) {
            byte[] plain = ("\0" + username + "\0" + settings.password()).getBytes(StandardCharsets.UTF_8);
            send(ClientStanzas.auth("PLAIN", Base64.getEncoder().encodeToString(plain)));
            return;
        }
        ScramAlgorithm algorithm = mechanism.equals("SCRAM-SHA-256") ? ScramAlgorithm.SHA_256 : ScramAlgorithm.SHA_1;
        scram = new ScramClient(algorithm, username, settings.password(), nonce(), settings.keyCache());
        send(ClientStanzas.auth(mechanism, b64(scram.clientFirst())));
    }

    private String chooseMechanism() {
        String wanted = settings.mechanism();
        if (!wanted.equalsIgnoreCase("auto")) return mechanisms.contains(wanted) ? wanted : null;
        for (String m : List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN")) if (mechanisms.contains(m)) return m;
        return null;
    }

    private void onChallenge(Element challenge) {
        if (scram == null) {
            fail("unexpected SASL challenge");
            return;
        }
        try {
            String serverFirst = new String(Base64.getDecoder().decode(challenge.text().trim()), StandardCharsets.UTF_8);
            send(ClientStanzas.response(b64(scram.clientFinal(serverFirst))));
        } catch (IllegalArgumentException e) {
            fail("SCRAM: " + e.getMessage());
        }
    }

    private void onSuccess(Element success) {
        if (scram != null) {
            String text = success.text().trim();
            String serverFinal = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            if (!scram.verifyServerFinal(serverFinal)) {
                fail("server signature did not verify");
                return;
            }
        }
        authenticated = true;
        scram = null;
        input.reset();
        send(ClientStanzas.streamHeader(settings.domain()));
    }

    private void onIq(Element iq) {
        String type = iq.attr("type");
        String id = iq.attr("id");
        java.util.function.Consumer<Element> reply = id == null ? null : awaited.remove(id);
        if ("get".equals(type) || "set".equals(type)) {
            send(ClientStanzas.pong(id == null ? "" : id, iq.attr("from")));
        } else if (reply != null) {
            reply.accept(iq);
        } else if ("reg1".equals(id) && state == State.REGISTER) {
            if ("result".equals(type) || "conflict".equals(condition(iq))) {
                registered = true;
                authenticate();
            } else {
                fail("registration refused: " + condition(iq));
            }
        } else if ("bind1".equals(id) && state == State.BIND) {
            if (!"result".equals(type)) {
                fail("bind refused: " + condition(iq));
                return;
            }
            Element bind = iq.child("bind", ClientStanzas.BIND);
            jid = bind == null ? null : bind.childText("jid", ClientStanzas.BIND);
            if (jid == null) jid = username + "@" + settings.domain() + "/" + settings.resource();
            if (settings.presence()) send(ClientStanzas.presence());
            state = State.READY;
            loginTimeout.cancel(false);
            events.ready(this, System.nanoTime() - startNanos);
        }
    }

    private void onMessage(Element message) {
        if ("error".equals(message.attr("type"))) {
            events.stanzaError("message", condition(message));
            return;
        }
        String body = message.childText("body", "jabber:client");
        if (body == null || !body.startsWith(ClientStanzas.BODY_PREFIX)) return;
        try {
            events.message(Long.parseLong(body.substring(ClientStanzas.BODY_PREFIX.length()).trim()));
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    private void onStreamError(Element error) {
        Element condition = error.firstElement();
        String reason = "stream error " + (condition == null ? "?" : condition.name());
        if (state == State.READY) {
            events.stanzaError("stream", reason);
            ctx.close();
        } else {
            fail(reason);
        }
    }

    /**
     * Sends one benchmark message to {@code to}; safe from any thread. Returns false without sending
     * when the connection's outbound buffer is full (the server is not reading fast enough).
     */
    public boolean sendChat(String to, long seq) {
        Channel ch = ctx.channel();
        if (!ch.isWritable()) return false;
        ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), ClientStanzas.chat(to, seq, System.nanoTime())), ch.voidPromise());
        return true;
    }

    /** Sends an IQ (whole, with this {@code id}) once ready; {@code onReply} gets the result or error element. */
    public void sendIq(String id, String xml, java.util.function.Consumer<Element> onReply) {
        awaited.put(id, onReply);
        Channel ch = ctx.channel();
        ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), xml), ch.voidPromise());
    }

    /** Closes the stream politely, then the connection. */
    public void close() {
        Channel ch = ctx.channel();
        ch.eventLoop().execute(() -> {
            if (state == State.READY) state = State.DONE;
            if (ch.isActive()) ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), ClientStanzas.closeStream()))
                    .addListener(f -> ch.close());
        });
    }

    private void fail(String reason) {
        if (state == State.DONE) return;
        boolean wasReady = state == State.READY;
        state = State.DONE;
        if (loginTimeout != null) loginTimeout.cancel(false);
        if (wasReady) events.closed(this);
        else events.failed(this, reason);
        if (ctx != null) ctx.close();
    }

    private void send(String xml) {
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), xml), ctx.voidPromise());
    }

    private static String condition(Element stanza) {
        Element error = stanza.child("error", stanza.namespace());
        if (error == null) return stanza.firstElement() == null ? "?" : stanza.firstElement().name();
        Element c = error.childIn(ClientStanzas.STANZAS);
        return c == null ? "?" : c.name();
    }

    private static String nonce() {
        byte[] b = new byte[18];
        ThreadLocalRandom.current().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).replace(',', '_');
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
