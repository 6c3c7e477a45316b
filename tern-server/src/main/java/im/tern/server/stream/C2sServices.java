package im.tern.server.stream;

import im.tern.core.Jid;
import im.tern.core.module.Hooks;
import im.tern.core.module.StreamFeatures;
import im.tern.server.route.IqDispatcher;
import im.tern.server.route.StanzaRouter;
import im.tern.server.sasl.LoginBackoff;
import im.tern.server.sasl.SaslMechanisms;
import im.tern.server.session.SessionRegistry;
import im.tern.server.sm.Resumption;

/**
 * What every client stream shares: one instance per server, handed to each new {@link C2sStream}, so
 * a stream itself holds one reference instead of ten.
 */
public final class C2sServices {
    private final Jid domain;
    private final boolean starttlsRequired;
    private final SessionRegistry sessions;
    private final Hooks hooks;
    private final IqDispatcher iq;
    private final StreamFeatures features;
    private final SaslMechanisms mechanisms;
    private final LoginBackoff backoff;
    private final ClientStanzas clientStanzas;
    private final Resumption resumption;

    public C2sServices(Jid domain, boolean starttlsRequired, SessionRegistry sessions, StanzaRouter router, Hooks hooks,
                       IqDispatcher iq, StreamFeatures features, SaslMechanisms mechanisms, LoginBackoff backoff,
                       Resumption resumption) {
        this.resumption = resumption;
        this.domain = domain;
        this.starttlsRequired = starttlsRequired;
        this.sessions = sessions;
        this.hooks = hooks;
        this.iq = iq;
        this.features = features;
        this.mechanisms = mechanisms;
        this.backoff = backoff;
        this.clientStanzas = new ClientStanzas(domain, hooks, router);
    }

    public Jid domain() { return domain; }

    public boolean starttlsRequired() { return starttlsRequired; }

    public SessionRegistry sessions() { return sessions; }

    public Hooks hooks() { return hooks; }

    public IqDispatcher iq() { return iq; }

    public StreamFeatures features() { return features; }

    public SaslMechanisms mechanisms() { return mechanisms; }

    public LoginBackoff backoff() { return backoff; }

    ClientStanzas clientStanzas() { return clientStanzas; }

    public Resumption resumption() { return resumption; }
}
