package im.tern.server.route;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Hooks;
import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers.Target;
import im.tern.core.module.Router;
import im.tern.core.module.Services;
import im.tern.core.module.Session;
import im.tern.server.module.ServiceRegistry;
import im.tern.server.session.LocalSession;
import im.tern.server.session.SessionRegistry;
import im.tern.xml.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stanzas whose {@code from} is set. The rules (RFC 6120 section 10, RFC 6121 section 8.5):
 *
 * <pre>
 * to                        | message                              | presence                   | IQ get/set
 * --------------------------+--------------------------------------+----------------------------+--------------------------
 * none                      | as to the sender's bare JID          | (client path: presence     | sender's account handler,
 *                           |                                      |  module or setPresence)    |  else server handler,
 *                           |                                      |                            |  else service-unavailable
 * the domain                | consumed                             | consumed                   | server handler, else
 *                           |                                      |                            |  service-unavailable
 * bare JID, no such account | service-unavailable                  | dropped                    | service-unavailable
 * bare JID                  | InboundStanza hooks, then chat/      | InboundStanza hooks, then  | account handler, else
 *                           |  normal/headline to every available  |  available/unavailable and |  service-unavailable
 *                           |  resource with priority >= 0; none:  |  subscriptions to every    |
 *                           |  UndeliverableMessage hooks, then    |  available resource;       |
 *                           |  chat/normal service-unavailable,    |  probes dropped            |
 *                           |  headline dropped; groupchat:        |                            |
 *                           |  service-unavailable (RFC MUST)      |                            |
 * full JID, online          | InboundStanza hooks, then delivered  | same as message            | delivered
 * full JID, offline         | groupchat: service-unavailable;      | dropped                    | service-unavailable
 *                           |  others as to the bare JID           |                            |
 * a served domain (service) | the module serving it (Services)     | same                       | same
 * another domain            | remote-server-not-found              | dropped                    | remote-server-not-found
 * </pre>
 * IQ results and errors go to online full JIDs only; those to the server or an account are consumed.
 * An error stanza is never answered with an error. The returned stage completes when the stanza has
 * been handed to its sessions or handlers (or stored by a hook), which is what keeps a sender's stanzas
 * in order and makes an acknowledgement mean "accepted"; it completes with false when the stanza was
 * refused with an error instead.
 */
public final class StanzaRouter implements Router {
    private static final Logger log = LoggerFactory.getLogger(StanzaRouter.class);
    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> REFUSED = CompletableFuture.completedFuture(false);

    private final Jid domain;
    private final SessionRegistry sessions;
    private final AccountDirectory accounts;
    private final IqDispatcher iq;
    private final Hooks hooks;

    private final ServiceRegistry services;

    public StanzaRouter(Jid domain, SessionRegistry sessions, AccountDirectory accounts, IqDispatcher iq, Hooks hooks) {
        this(domain, sessions, accounts, iq, hooks, new ServiceRegistry());
    }

    public StanzaRouter(Jid domain, SessionRegistry sessions, AccountDirectory accounts, IqDispatcher iq, Hooks hooks,
                        ServiceRegistry services) {
        this.services = services;
        this.domain = domain;
        this.sessions = sessions;
        this.accounts = accounts;
        this.iq = iq;
        this.hooks = hooks;
    }

    @Override
    public void route(Stanza stanza) {
        routeAsync(stanza).whenComplete((v, error) -> {
            if (error != null) log.warn("routing failed for {}", stanza, error);
        });
    }

    @Override
    public CompletionStage<Boolean> routeAsync(Stanza stanza) {
        Jid to = stanza.to();
        if (to == null) return toOwnAccount(stanza);
        if (!to.domain().equals(domain.domain())) {
            Services.Handler service = services.find(to.domain());
            return service != null ? service.handle(stanza) : toRemote(stanza);
        }
        if (to.local() == null) return toServer(stanza);
        if (to.isFull()) {
            Session session = sessions.get(to);
            if (session != null) return toResource(stanza, session);
        }
        return accounts.exists(to).thenCompose(exists -> {
            if (!exists) return noSuchAccount(stanza);
            return to.isFull() ? toOfflineResource(stanza) : toAccount(stanza, to);
        });
    }

    private CompletionStage<Boolean> toOwnAccount(Stanza stanza) {
        Jid account = stanza.from() == null ? null : stanza.from().bare();
        if (account == null || account.local() == null) return DONE;
        return switch (stanza.kind()) {
            case MESSAGE -> routeAsync(stanza.withTo(account));
            case PRESENCE -> DONE;
            case IQ -> {
                IqHandler h = iq.find(Target.ACCOUNT, stanza);
                if (h != null) yield iq.dispatch(h, stanza.withTo(account), this::route).thenApply(v -> true);
                yield toServer(stanza.withTo(domain));
            }
        };
    }

    private CompletionStage<Boolean> toServer(Stanza stanza) {
        if (stanza.kind() != Stanza.Kind.IQ || IqDispatcher.typeOf(stanza) == null) return DONE; // consumed
        IqHandler h = iq.find(Target.SERVER, stanza);
        if (h == null) return bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
        return iq.dispatch(h, stanza, this::route).thenApply(v -> true);
    }

    private CompletionStage<Boolean> toRemote(Stanza stanza) {
        if (stanza.kind() == Stanza.Kind.PRESENCE) return DONE;
        return bounce(stanza, StanzaError.REMOTE_SERVER_NOT_FOUND);
    }

    private CompletionStage<Boolean> noSuchAccount(Stanza stanza) {
        if (stanza.kind() == Stanza.Kind.PRESENCE) return DONE;
        return bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
    }

    private CompletionStage<Boolean> toResource(Stanza stanza, Session session) {
        if (stanza.kind() == Stanza.Kind.IQ || stanza.isError()) {
            session.send(stanza.element());
            return DONE;
        }
        Events.InboundStanza event = new Events.InboundStanza(stanza);
        return hooks.fire(event).thenApply(outcome -> {
            if (outcome != Hook.Outcome.STOP) session.send(event.stanza().element());
            return true;
        });
    }

    private CompletionStage<Boolean> toOfflineResource(Stanza stanza) {
        if (stanza.isError()) return DONE;
        return switch (stanza.kind()) {
            case PRESENCE -> DONE;
            case IQ -> IqDispatcher.typeOf(stanza) == null ? DONE : bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
            case MESSAGE -> "groupchat".equals(stanza.type())
                    ? bounce(stanza, StanzaError.SERVICE_UNAVAILABLE)
                    : toAccount(stanza, stanza.to().bare());
        };
    }

    private CompletionStage<Boolean> toAccount(Stanza stanza, Jid account) {
        if (stanza.kind() == Stanza.Kind.IQ && IqDispatcher.typeOf(stanza) == null) {
            // An answer to a request the server sent on the account's behalf (a push publish, say).
            return hooks.fire(new Events.IqResponse(stanza)).thenApply(o -> true);
        }
        if (stanza.isError()) return DONE;
        return switch (stanza.kind()) {
            case IQ -> {
                if (IqDispatcher.typeOf(stanza) == null) yield DONE;
                IqHandler h = iq.find(Target.ACCOUNT, stanza);
                yield h == null ? bounce(stanza, StanzaError.SERVICE_UNAVAILABLE) : iq.dispatch(h, stanza, this::route).thenApply(v -> true);
            }
            case MESSAGE -> {
                if ("groupchat".equals(stanza.type())) yield bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
                Events.InboundStanza event = new Events.InboundStanza(stanza);
                yield hooks.fire(event).thenCompose(outcome ->
                        outcome == Hook.Outcome.STOP ? DONE : messageToAccount(event.stanza(), account));
            }
            case PRESENCE -> {
                Events.InboundStanza event = new Events.InboundStanza(stanza);
                yield hooks.fire(event).thenApply(outcome -> {
                    if (outcome != Hook.Outcome.STOP && !"probe".equals(stanza.type())) {
                        fanOut(event.stanza(), sessions.of(account), false);
                    }
                    return true;
                });
            }
        };
    }

    private CompletionStage<Boolean> messageToAccount(Stanza stanza, Jid account) {
        if (fanOut(stanza, sessions.of(account), true) > 0) return DONE;
        return hooks.fire(new Events.UndeliverableMessage(stanza)).thenCompose(outcome -> {
            if (outcome == Hook.Outcome.STOP || "headline".equals(stanza.type())) return DONE;
            return bounce(stanza, StanzaError.SERVICE_UNAVAILABLE);
        });
    }

    /**
     * Sends to every available session (with priority at least 0 when asked), serialising the stanza
     * once when it goes to more than one. Returns how many got it.
     */
    private static int fanOut(Stanza stanza, List<Session> candidates, boolean nonNegativePriority) {
        List<Session> targets = new ArrayList<>(candidates.size());
        for (Session s : candidates) {
            if (s.available() && (!nonNegativePriority || s.priority() >= 0)) targets.add(s);
        }
        byte[] serialised = targets.size() > 1 ? XmlWriter.toUtf8(stanza.element(), Namespaces.CLIENT) : null;
        for (Session s : targets) {
            if (serialised != null && s instanceof LocalSession local) local.send(stanza.element(), serialised);
            else s.send(stanza.element());
        }
        return targets.size();
    }

    /** Answers the sender with an error, unless the stanza is itself an error or has no sender. */
    private CompletionStage<Boolean> bounce(Stanza stanza, StanzaError error) {
        if (stanza.isError() || stanza.from() == null) return REFUSED;
        return routeAsync(stanza.errorReply(error)).thenApply(v -> false);
    }
}
