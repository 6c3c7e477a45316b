package im.tern.module.testing;

import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.IqHandlers.Target;
import im.tern.core.module.Router;
import im.tern.core.module.Session;
import im.tern.store.UserStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The routing rules of {@link Router} (RFC 6120 section 10, RFC 6121 section 8.5) for one domain,
 * as the server applies them: local sessions, account handlers, InboundStanza hooks, UndeliverableMessage
 * hooks for a message no available resource takes (then service-unavailable for chat and normal); other domains
 * get remote-server-not-found (presence to them is dropped). Records nothing itself: what a
 * session receives waits in its queue.
 */
final class TestRouter implements Router {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Jid domain;
    private final TestSessions sessions;
    private final UserStore users;
    private final IqHandlers iq;
    private final Hooks hooks;
    private final Executor blocking;
    private final InFlight inFlight;

    private final im.tern.server.module.ServiceRegistry services;

    TestRouter(Jid domain, TestSessions sessions, UserStore users, IqHandlers iq, Hooks hooks, Executor blocking, InFlight inFlight,
               im.tern.server.module.ServiceRegistry services) {
        this.services = services;
        this.domain = domain;
        this.sessions = sessions;
        this.users = users;
        this.iq = iq;
        this.hooks = hooks;
        this.blocking = blocking;
        this.inFlight = inFlight;
    }

    @Override
    public void route(Stanza stanza) {
        inFlight.track(() -> deliver(stanza));
    }

    @Override
    public CompletionStage<Boolean> routeAsync(Stanza stanza) {
        return deliver(stanza).thenApply(v -> true);
    }

    CompletionStage<Void> deliver(Stanza stanza) {
        Jid to = stanza.to();
        if (to == null) return toOwnAccount(stanza);
        if (!to.domain().equals(domain.domain())) {
            im.tern.core.module.Services.Handler service = services.find(to.domain());
            if (service != null) return service.handle(stanza).thenApply(accepted -> null);
            return stanza.kind() == Stanza.Kind.PRESENCE ? DONE : bounce(stanza, StanzaError.REMOTE_SERVER_NOT_FOUND);
        }
        if (to.local() == null) return toServer(stanza);
        if (to.isFull()) {
            Session s = sessions.get(to);
            if (s != null) return toResource(stanza, s);
        }
        return CompletableFuture.supplyAsync(() -> users.exists(to.local()), blocking).thenCompose(exists -> {
            if (!exists) return stanza.kind() == Stanza.Kind.PRESENCE ? DONE : bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
            return to.isFull() ? toOfflineResource(stanza) : toAccount(stanza, to);
        });
    }

    private CompletionStage<Void> toOwnAccount(Stanza stanza) {
        Jid account = stanza.from() == null ? null : stanza.from().bare();
        if (account == null || account.local() == null) return DONE;
        return switch (stanza.kind()) {
            case MESSAGE -> deliver(stanza.withTo(account));
            case PRESENCE -> DONE;
            case IQ -> {
                IqHandler h = find(Target.ACCOUNT, stanza);
                yield h != null ? dispatch(h, stanza.withTo(account)) : toServer(stanza.withTo(domain));
            }
        };
    }

    private CompletionStage<Void> toServer(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.IQ || typeOf(stanza) == null) return DONE;
        IqHandler h = find(Target.SERVER, stanza);
        return h == null ? bounce(stanza, StanzaError.SERVICE_UNAVAILABLE) : dispatch(h, stanza);
    }

    private CompletionStage<Void> toResource(Stanza stanza, Session session) {
        if (stanza.kind() == Stanza.Kind.IQ || stanza.isError()) {
            session.send(stanza.element());
            return DONE;
        }
        Events.InboundStanza event = new Events.InboundStanza(stanza);
        return hooks.fire(event).thenAccept(o -> {
            if (o != Hook.Outcome.STOP) session.send(event.stanza().element());
        });
    }

    private CompletionStage<Void> toOfflineResource(Stanza stanza) {
        if (stanza.isError()) return DONE;
        return switch (stanza.kind()) {
            case PRESENCE -> DONE;
            case IQ -> typeOf(stanza) == null ? DONE : bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
            case MESSAGE -> "groupchat".equals(stanza.type())
                    ? bounce(stanza, StanzaError.SERVICE_UNAVAILABLE) : toAccount(stanza, stanza.to().bare());
        };
    }

    private CompletionStage<Void> toAccount(Stanza stanza, Jid account) {
        if (stanza.kind() == Stanza.Kind.IQ && typeOf(stanza) == null) {
            return hooks.fire(new Events.IqResponse(stanza)).thenAccept(o -> {});
        }
        if (stanza.isError()) return DONE;
        return switch (stanza.kind()) {
            case IQ -> {
                if (typeOf(stanza) == null) yield DONE;
                IqHandler h = find(Target.ACCOUNT, stanza);
                yield h == null ? bounce(stanza, StanzaError.SERVICE_UNAVAILABLE) : dispatch(h, stanza);
            }
            case MESSAGE -> {
                if ("groupchat".equals(stanza.type())) yield bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
                Events.InboundStanza event = new Events.InboundStanza(stanza);
                yield hooks.fire(event).thenCompose(o -> o == Hook.Outcome.STOP ? DONE : messageToAccount(event.stanza(), account));
            }
            case PRESENCE -> {
                Events.InboundStanza event = new Events.InboundStanza(stanza);
                yield hooks.fire(event).thenAccept(o -> {
                    if (o == Hook.Outcome.STOP || "probe".equals(stanza.type())) return;
                    // As the server: a hook may have replaced the stanza.
                    for (Session s : sessions.of(account)) if (s.available()) s.send(event.stanza().element());
                });
            }
        };
    }

    /** Every available resource with priority at least 0; none: UndeliverableMessage, then a bounce for chat and normal. */
    private CompletionStage<Void> messageToAccount(Stanza stanza, Jid account) {
        int delivered = 0;
        for (Session s : sessions.of(account)) {
            if (s.available() && s.priority() >= 0) {
                s.send(stanza.element());
                delivered++;
            }
        }
        if (delivered > 0) return DONE;
        return hooks.fire(new Events.UndeliverableMessage(stanza)).thenCompose(o ->
                o == Hook.Outcome.STOP || "headline".equals(stanza.type()) ? DONE : bounce(stanza, StanzaError.SERVICE_UNAVAILABLE));
    }

    private IqHandler find(Target target, Stanza stanza) {
        IqHandlers.Type type = typeOf(stanza);
        Element payload = stanza.element().firstElement();
        return type == null || payload == null ? null : iq.find(target, type, payload.name(), payload.namespace());
    }

    /** As the server's dispatcher: a handler that fails or answers nothing yields internal-server-error. */
    private CompletionStage<Void> dispatch(IqHandler handler, Stanza request) {
        CompletionStage<Stanza> stage;
        try {
            stage = handler.handle(request);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.handle((reply, error) -> reply != null && error == null ? reply
                : request.errorReply(StanzaError.INTERNAL_SERVER_ERROR)).thenCompose(this::deliver);
    }

    private CompletionStage<Void> bounce(Stanza stanza, StanzaError error) {
        if (stanza.isError() || stanza.from() == null) return DONE;
        return deliver(stanza.errorReply(error));
    }

    private static IqHandlers.Type typeOf(Stanza iq) {
        if ("get".equals(iq.type())) return IqHandlers.Type.GET;
        if ("set".equals(iq.type())) return IqHandlers.Type.SET;
        return null;
    }
}
