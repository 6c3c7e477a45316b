package im.tern.core.module;

import im.tern.core.Stanza;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Delivers stanzas whose {@code from} is already set, by RFC 6120 section 10 and RFC 6121 section 8:
 * to the domain, to an account (bare JID) or to one of its resources (full JID), answering
 * undeliverable stanzas with the error the RFC asks for.
 */
public interface Router {
    void route(Stanza stanza);

    /**
     * Routes and completes once the stanza has been delivered, stored or refused (false when refused), for
     * a caller whose next step must not overtake it.
     */
    default CompletionStage<Boolean> routeAsync(Stanza stanza) {
        route(stanza);
        return CompletableFuture.completedFuture(true);
    }
}
