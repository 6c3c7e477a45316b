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
import im.tern.xml.Element;
import im.tern.xml.StreamHeader;
import im.tern.xml.StreamListener;
import im.tern.xml.XmlStreamException;
import java.security.SecureRandom;
import java.util.Base64;
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
    private SaslNegotiation sasl;
    private LocalSession session;

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
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        queue.close();
        if (!headerSent) out.writeHeader(newId(), services.domain().toString(), null);
        headerSent = true;
        out.writeStreamError(condition);
        out.closeAfterFlush();
    }

    /** The connection is gone: unbind and tell the modules. */
    public void onConnectionClosed() {
        state = State.CLOSED;
        queue.close();
        LocalSession s = session;
        session = null;
        if (s != null) {
            boolean stillBound = services.sessions().unbind(s);
            services.hooks().fire(new Events.SessionClosed(s, stillBound ? s.presence() : null));
        }
    }

    @Override
    public void send(Element stanza) { out.write(stanza); }

    @Override
    public void send(byte[] serialised) { out.write(serialised); }

    @Override
    public void close(String condition) {
        out.execute(() -> {
            if (condition != null) fail(condition);
            else onStreamClose();
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
        if (ResourceBinding.isBindRequest(e)) {
            ResourceBinding.Result r = ResourceBinding.bind(e, account, services.sessions(), this);
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
        if (!e.namespace().equals(Namespaces.CLIENT) || !Stanza.isStanza(e)) {
            fail("unsupported-stanza-type");
            return DONE;
        }
        if (isSessionRequest(e)) return answerSession(e);
        return services.clientStanzas().process(session, e);
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
