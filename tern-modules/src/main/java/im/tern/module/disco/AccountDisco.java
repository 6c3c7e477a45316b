package im.tern.module.disco;

import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Disco;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * disco#info and disco#items of an account, answered by the server on its behalf. Requesters the
 * account does not share presence with get service-unavailable, the same answer as for an account
 * that does not exist, so nothing leaks (XEP-0030 section 8, RFC 6121 section 8.5.1).
 */
final class AccountDisco {
    private static final List<Disco.Identity> IDENTITY = List.of(new Disco.Identity("account", "registered", null));

    private final Disco disco;
    private final PresenceAuthorisation authorisation;

    AccountDisco(Disco disco, PresenceAuthorisation authorisation) {
        this.disco = disco;
        this.authorisation = authorisation;
    }

    CompletionStage<Stanza> info(Stanza request) {
        return answer(request, () -> DiscoReplies.info(request, IDENTITY, disco.accountFeatures()));
    }

    /** Empty until a feature (PEP) gives accounts items. */
    CompletionStage<Stanza> items(Stanza request) {
        return answer(request, () -> DiscoReplies.items(request, List.of()));
    }

    private CompletionStage<Stanza> answer(Stanza request, Supplier<Stanza> result) {
        return authorisation.mayDiscover(request.from(), request.to().bare()).thenApply(allowed -> {
            if (!allowed) return request.errorReply(StanzaError.SERVICE_UNAVAILABLE);
            if (DiscoReplies.namesNode(request)) return request.errorReply(StanzaError.ITEM_NOT_FOUND);
            return result.get();
        });
    }
}
