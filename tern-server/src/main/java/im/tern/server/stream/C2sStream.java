package im.tern.server.stream;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.module.Events;
import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers;
import im.tern.server.sasl.SaslNegotiation;
import im.tern.server.session.Connection;
import im.tern.server.session.LocalSession;
import im.tern.server.session.StanzaQueue;
import im.tern.server.sm.ManagedSession;
import im.tern.server.sm.Outbox;
import im.tern.server.sm.Sm;
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import im.tern.xml.XmlStreamException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client stream from the first header to the close: negotiation (STARTTLS, SASL, bind) and then
 * the bound session's stanzas. Runs on its transport's event loop; every element goes through a
 * {@link StanzaQueue}, so elements whose processing completes later still take effect in order.
 */
public final class C2sStream implements StreamListener, Connection {
    private static final Logger log = LoggerFactory.getLogger(C2sStream.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private enum State { AWAIT_HEADER, NEGOTIATING, AUTHENTICATED, BOUND, CLOSED }

    private final C2sServices services;
    private final StreamOutput out;
    private final StanzaQueue queue;
    private State state = State.AWAIT_HEADER;
    private boolean headerSent;
    private Jid account;
    /** Which of the account's credentials authenticated: the primary's or a linked device's id. */
    private String device;
    private SaslNegotiation sasl;
    private LocalSession session;
    /** Set once the client enables stream management (XEP-0198); read by senders on any thread. */
    private volatile ManagedSession managed;
    /** The connection is gone: sends can no longer reach the client. */
    private volatile boolean gone;
    /** The stream ended by a close or a stream error rather than a dropped connection: nothing to resume. */
    private boolean endedCleanly;

    public C2sStream(C2sServices services, StreamOutput out) {
        this.services = services;
        this.out = out;
        this.queue = new StanzaQueue(out, this::process, out::pauseReading, out::resumeReading);
    }

    public boolean authenticated() { return account != null; }

    public boolean closed() { return state == State.CLOSED; }

    @Override
    public void onStreamOpen(StreamHeader header) {
        if (state != State.AWAIT_HEADER) {
            fail("not-authorized");
            return;
        }
        String clientFrom = header.attr("from");
        out.writeHeader(newId(), services.domain().toString(), Jid.parse(clientFrom) == null ? null : clientFrom);
        headerSent = true;
        String problem = HeaderCheck.problem(header, services.domain());
        if (problem != null) {
            fail(problem);
            return;
        }
        if (account == null) {
            state = State.NEGOTIATING;
            out.writeFeatures(Features.beforeAuth(out.secure(), out.canStartTls(), tlsRequired(),
                    services.mechanisms().offered(out.secure()), services.features().preAuth()));
        } else {
            state = State.AUTHENTICATED;
            out.writeFeatures(Features.afterAuth(services.features().postAuth()));
        }
    }

    @Override
    public void onElement(Element element) {
        if (element.is("error", Namespaces.STREAM)) {
            // The client ended the stream with an error: close our side without answering it with another.
            log.debug("stream error from {}: {}", out.remoteAddress(), element);
            onStreamClose();
        } else if (state == State.AWAIT_HEADER) fail("not-authorized");
        else if (state != State.CLOSED) queue.offer(element);
    }

    @Override
    public void onStreamClose() {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        endedCleanly = true;
        queue.close();
        out.writeClose();
        out.closeAfterFlush();
    }

    /** The parser refused the input. */
    public void onParseError(XmlStreamException e) {
        log.debug("stream from {} ended: {}", out.remoteAddress(), e.getMessage());
        fail(e.condition());
    }

    /** Ends the stream with a stream error (RFC 6120 section 4.9), writing our header first if it is not out yet. */
    public void fail(String condition) {
        fail(condition, null);
    }

    /** As {@link #fail(String)}, with a {@code <text/>} saying why when {@code text} is not null. */
    private void fail(String condition, String text) {
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        // A connection that went quiet may come back on another one; any other stream error ends the session.
        if (!"connection-timeout".equals(condition)) endedCleanly = true;
        queue.close();
        if (!headerSent) out.writeHeader(newId(), services.domain().toString(), null);
        headerSent = true;
        out.writeStreamError(condition, text);
        out.closeAfterFlush();
    }

    /**
     * The connection is gone. Without stream management the session ends now; a resumable one waits
     * for its client to come back (XEP-0198), and one that another stream resumed is not ours to end.
     */
    public void onConnectionClosed() {
        state = State.CLOSED;
        gone = true;
        queue.close();
        LocalSession s = session;
        ManagedSession m = managed;
        session = null;
        if (s == null) return;
        if (m == null) {
            SessionEnd.end(services, s, List.of());
            return;
        }
        if (!endedCleanly && services.resumption().detach(m, this, ended -> SessionEnd.end(services, ended))) return;
        if (services.resumption().end(m, this)) SessionEnd.end(services, m);
    }

    @Override
    public void send(Element stanza) { send(stanza, null, null); }

    @Override
    public void send(Element stanza, byte[] serialised) { send(stanza, serialised, null); }

    @Override
    public CompletionStage<Boolean> sendTracked(Element stanza) {
        CompletableFuture<Boolean> tracker = new CompletableFuture<>();
        send(stanza, null, tracker);
        return tracker;
    }

    @Override
    public boolean detached() {
        ManagedSession m = managed;
        return m != null && m.detached();
    }

    /**
     * Every stanza to the client passes here. Under stream management the outbox numbers and keeps it;
     * otherwise it is written directly (the lock orders those writes against enabling management).
     */
    private void send(Element stanza, byte[] serialised, CompletableFuture<Boolean> tracker) {
        ManagedSession m = managed;
        if (m == null) {
            synchronized (this) {
                m = managed;
                if (m == null) {
                    if (serialised != null) out.write(serialised);
                    else out.write(stanza);
                    if (tracker != null) tracker.complete(!gone);
                    return;
                }
            }
        }
        Outbox.Item item = new Outbox.Item(stanza, serialised, tracker);
        if (m.outbox().send(item)) return;
        if (m.outbox().closed()) {
            SessionEnd.handOn(services, m.session(), item); // the session ended meanwhile
        } else if (m.detached()) {
            if (services.resumption().expireNow(m)) SessionEnd.end(services, m); // too much piled up while away
        } else {
            out.execute(() -> fail("policy-violation")); // the client stopped acknowledging
        }
    }

    @Override
    public void close(String condition) { close(condition, null); }

    @Override
    public void close(String condition, String text) {
        ManagedSession m = managed;
        if (m != null && m.detached()) {
            // Replaced or shut down while waiting to be resumed: end it now.
            if (services.resumption().expireNow(m)) SessionEnd.end(services, m);
            return;
        }
        out.execute(() -> {
            if (condition != null) fail(condition, text);
            else onStreamClose();
        });
    }

    /** Another stream resumed this one's session: let go of it and close quietly. */
    private void takenOver() {
        out.execute(() -> {
            session = null;
            managed = null;
            onStreamClose();
        });
    }

    private CompletionStage<?> process(Element e) {
        if (state == State.CLOSED) return DONE;
        try {
            return switch (state) {
                case NEGOTIATING -> negotiate(e);
                case AUTHENTICATED -> beforeBind(e);
                case BOUND -> bound(e);
                default -> {
                    fail("not-authorized");
                    yield DONE;
                }
            };
        } catch (ClientStanzas.StreamViolation v) {
            fail(v.condition);
            return DONE;
        }
    }

    private CompletionStage<?> negotiate(Element e) {
        if (e.is("starttls", Namespaces.TLS) && !out.secure() && out.canStartTls()) {
            out.write(Element.empty("proceed", Namespaces.TLS));
            out.startTls();
            restart();
            return DONE;
        }
        if (e.namespace().equals(Namespaces.SASL)) {
            if (tlsRequired() && !out.secure()) {
                out.write(Element.builder("failure", Namespaces.SASL)
                        .child(Element.empty("encryption-required", Namespaces.SASL)).build());
                return DONE;
            }
            if (sasl == null) sasl = new SaslNegotiation(services.mechanisms(), services.backoff(), out.remoteAddress());
            return sasl.handle(e, out.secure()).thenAcceptAsync(this::saslOutcome, out);
        }
        if (e.is("iq", Namespaces.CLIENT)) return preAuthIq(e);
        fail("not-authorized");
        return DONE;
    }

    private void saslOutcome(SaslNegotiation.Outcome outcome) {
        if (state == State.CLOSED) return;
        out.write(outcome.reply());
        if (outcome.username() != null) {
            account = Jid.of(outcome.username(), services.domain().domain(), null);
            device = outcome.device();
            sasl = null;
            out.authenticated();
            restart();
        } else if (outcome.failed() && sasl.failures() >= SaslNegotiation.MAX_FAILURES_PER_STREAM) {
            fail("policy-violation");
        }
    }

    /** XEP-0077 and the like: IQs to the domain that modules answer before authentication. */
    private CompletionStage<?> preAuthIq(Element e) {
        Jid to = Jid.parse(e.attr("to"));
        Stanza request = Stanza.of(e.withAttr("from", null));
        IqHandler h = (to == null || to.equals(services.domain()))
                ? services.iq().find(IqHandlers.Target.PREAUTH, request) : null;
        if (h == null || !ClientStanzas.validIq(e)) {
            fail("not-authorized");
            return DONE;
        }
        return services.iq().dispatch(h, request.withTo(services.domain()), reply -> out.write(reply.element()));
    }

    private CompletionStage<?> beforeBind(Element e) {
        if (e.namespace().equals(Sm.NS)) return beforeBindSm(e);
        if (ResourceBinding.isBindRequest(e)) {
            ResourceBinding.Result r = ResourceBinding.bind(e, account, device, services.sessions(), this);
            out.write(r.reply());
            if (r.session() == null) return DONE;
            session = r.session();
            state = State.BOUND;
            return services.hooks().fire(new Events.SessionBound(session));
        }
        if (isSessionRequest(e)) return answerSession(e);
        fail(Stanza.isStanza(e) ? "not-authorized" : "unsupported-stanza-type");
        return DONE;
    }

    private CompletionStage<?> bound(Element e) {
        if (e.namespace().equals(Sm.NS)) return boundSm(e);
        if (!e.namespace().equals(Namespaces.CLIENT) || !Stanza.isStanza(e)) {
            fail("unsupported-stanza-type");
            return DONE;
        }
        ManagedSession m = managed;
        CompletionStage<?> handled = isSessionRequest(e) ? answerSession(e) : services.clientStanzas().process(session, e);
        if (m == null) return handled;
        // Counted only once processing completed: delivered or stored, so an <a/> means "accepted".
        return handled.handle((r, x) -> {
            m.handled(this);
            return null;
        });
    }

    /** XEP-0198 before binding: resumption; enabling must wait for the bind. */
    private CompletionStage<?> beforeBindSm(Element e) {
        if (Sm.is(e, "resume")) return resume(e);
        if (Sm.is(e, "enable")) out.write(Sm.failed("unexpected-request", null));
        else if (!Sm.is(e, "a") && !Sm.is(e, "r")) fail("unsupported-stanza-type");
        return DONE;
    }

    /** XEP-0198 once bound: enable, and acks in both directions. */
    private CompletionStage<?> boundSm(Element e) {
        ManagedSession m = managed;
        if (Sm.is(e, "enable")) {
            if (m != null) {
                out.write(Sm.failed("unexpected-request", null));
                return DONE;
            }
            long max = Sm.unsigned(e.attr("max"));
            synchronized (this) {
                ManagedSession created = services.resumption().manage(session, out, Sm.truthy(e.attr("resume")),
                        Math.max(0, max), this);
                out.write(Sm.enabled(created.id(), created.resumable(), created.maxSeconds()));
                managed = created;
            }
        } else if (Sm.is(e, "r")) {
            if (m != null) out.write(Sm.ack(m.handled()));
        } else if (Sm.is(e, "a")) {
            long h = Sm.h(e);
            if (m != null && (h < 0 || m.outbox().ack(h) == Outbox.AckResult.TOO_HIGH)) fail("undefined-condition");
        } else if (Sm.is(e, "resume")) {
            out.write(Sm.failed("unexpected-request", null));
        } else {
            fail("unsupported-stanza-type");
        }
        return DONE;
    }

    /** Takes back a session whose connection dropped (XEP-0198 section 5) and retransmits what it missed. */
    private CompletionStage<?> resume(Element e) {
        long h = Sm.h(e);
        String previd = e.attr("previd");
        if (h < 0 || previd == null) {
            out.write(Sm.failed("bad-request", null));
            return DONE;
        }
        ManagedSession m = services.resumption().resume(previd, account, device, this,
                previous -> ((C2sStream) previous).takenOver());
        if (m == null) {
            out.write(Sm.failed("item-not-found", null));
            return DONE;
        }
        synchronized (this) {
            managed = m;
        }
        session = m.session();
        session.attach(this);
        state = State.BOUND;
        if (m.outbox().resume(h, out, Sm.resumed(m.handled(), previd)) == Outbox.AckResult.TOO_HIGH) {
            fail("undefined-condition");
        }
        return DONE;
    }

    /** RFC 3921's session establishment, a no-op kept for old clients (advertised as optional). */
    private static boolean isSessionRequest(Element e) {
        return e.is("iq", Namespaces.CLIENT) && "set".equals(e.attr("type"))
                && e.child("session", Namespaces.SESSION) != null && e.attr("to") == null;
    }

    private CompletionStage<?> answerSession(Element e) {
        out.write(Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", e.attr("id")).build());
        return DONE;
    }

    /**
     * Whether authentication waits for STARTTLS: only where the transport can offer it. Over WebSocket,
     * TLS is the HTTP connection's business (wss, or a proxy that terminates it), as RFC 7395 section 3.1 has it.
     */
    private boolean tlsRequired() { return services.starttlsRequired() && out.canStartTls(); }

    private void restart() {
        state = State.AWAIT_HEADER;
        headerSent = false;
        out.restartParser();
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
