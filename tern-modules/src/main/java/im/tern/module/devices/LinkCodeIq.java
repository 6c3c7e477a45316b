package im.tern.module.devices;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.auth.AccountCredentials;
import im.tern.core.module.IqHandler;
import im.tern.core.module.Session;
import im.tern.core.module.Sessions;
import im.tern.module.api.ProblemException;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code <iq type='set'><link-code xmlns='urn:tern:devices:0'/></iq>} to one's own account: a link code for
 * clients that speak only XMPP, answered {@code <link-code code='...' expires-in='300'/>}. Only a session of
 * the primary device may ask ({@code not-allowed} otherwise); a full account is {@code resource-constraint}.
 */
final class LinkCodeIq implements IqHandler {
    private final LinkCodeIssuer issuer;
    private final DeviceSettings settings;
    private final Sessions sessions;
    private final Executor blocking;

    LinkCodeIq(LinkCodeIssuer issuer, DeviceSettings settings, Sessions sessions, Executor blocking) {
        this.issuer = issuer;
        this.settings = settings;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<Stanza> handle(Stanza request) {
        Jid account = request.from().bare();
        if (!request.to().equals(account)) return done(request.errorReply(StanzaError.FORBIDDEN));
        Session session = sessions.get(request.from());
        if (session == null || !AccountCredentials.PRIMARY.equals(session.device())) {
            return done(request.errorReply(StanzaError.NOT_ALLOWED, "only the primary device may link new devices"));
        }
        return CompletableFuture.supplyAsync(() -> issuer.issue(account.local()), blocking)
                .handle((code, error) -> {
                    if (error == null) {
                        return Iq.result(request, Element.builder("link-code", DevicesModule.NAMESPACE)
                                .attr("code", code.text()).attr("expires-in", Long.toString(settings.linkCodeTtl().toSeconds()))
                                .build());
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof ProblemException p) {
                        return request.errorReply(StanzaError.RESOURCE_CONSTRAINT, p.problem().detail());
                    }
                    return request.errorReply(StanzaError.INTERNAL_SERVER_ERROR);
                });
    }

    private static CompletionStage<Stanza> done(Stanza s) { return CompletableFuture.completedFuture(s); }
}
