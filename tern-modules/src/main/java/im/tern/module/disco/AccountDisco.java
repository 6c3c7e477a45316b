package im.tern.module.disco;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Disco;
import im.tern.core.module.Hooks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * disco#info and disco#items of an account, answered by the server on its behalf. Requesters the
 * account does not share presence with get service-unavailable, the same answer as for an account
 * that does not exist, so nothing leaks (XEP-0030 section 8, RFC 6121 section 8.5.1). Features hosted on
 * accounts (PEP) add to the answers through {@link AccountInfoQuery} and {@link AccountItemsQuery}: they
 * may show other requesters what is open to them (an open node), and answer for their nodes.
 */
final class AccountDisco {
    private static final Disco.Identity IDENTITY = new Disco.Identity("account", "registered", null);

    private final Disco disco;
    private final PresenceAuthorisation authorisation;
    private final Hooks hooks;

    AccountDisco(Disco disco, PresenceAuthorisation authorisation, Hooks hooks) {
        this.disco = disco;
        this.authorisation = authorisation;
        this.hooks = hooks;
    }

    CompletionStage<Stanza> info(Stanza request) {
        String node = Iq.payload(request).attr("node");
        return authorisation.mayDiscover(request.from(), request.to().bare()).thenCompose(authorised -> {
            if (node == null && !authorised) return unavailable(request);
            AccountInfoQuery query = new AccountInfoQuery(request.to().bare(), request.from(), node, authorised);
            return hooks.fire(query).thenApply(outcome -> {
                if (node != null) {
                    return query.isFound() ? DiscoReplies.info(request, node, query.identities(), query.features())
                            : notFound(request, authorised);
                }
                List<Disco.Identity> identities = new ArrayList<>(List.of(IDENTITY));
                identities.addAll(query.identities());
                Set<String> features = new HashSet<>(disco.accountFeatures());
                features.addAll(query.features());
                return DiscoReplies.info(request, null, identities, features);
            });
        });
    }

    /** The items features host on the account; to other requesters only what is open to them, if anything. */
    CompletionStage<Stanza> items(Stanza request) {
        String node = Iq.payload(request).attr("node");
        return authorisation.mayDiscover(request.from(), request.to().bare()).thenCompose(authorised -> {
            AccountItemsQuery query = new AccountItemsQuery(request.to().bare(), request.from(), node, authorised);
            return hooks.fire(query).thenApply(outcome -> {
                if (node != null && !query.isFound()) return notFound(request, authorised);
                if (node == null && !authorised && query.items().isEmpty()) return request.errorReply(StanzaError.SERVICE_UNAVAILABLE);
                return DiscoReplies.items(request, node, query.items());
            });
        });
    }

    private static Stanza notFound(Stanza request, boolean authorised) {
        return request.errorReply(authorised ? StanzaError.ITEM_NOT_FOUND : StanzaError.SERVICE_UNAVAILABLE);
    }

    private static CompletionStage<Stanza> unavailable(Stanza request) {
        return CompletableFuture.completedFuture(request.errorReply(StanzaError.SERVICE_UNAVAILABLE));
    }
}
