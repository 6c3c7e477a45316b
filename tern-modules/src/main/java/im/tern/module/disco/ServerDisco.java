package im.tern.module.disco;

import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Disco;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** disco#info and disco#items of the domain. */
final class ServerDisco {
    private final Disco disco;
    private final DiscoItems items;

    ServerDisco(Disco disco, DiscoItems items) {
        this.disco = disco;
        this.items = items;
    }

    CompletionStage<Stanza> info(Stanza request) {
        if (DiscoReplies.namesNode(request)) return error(request);
        return CompletableFuture.completedFuture(
                DiscoReplies.info(request, null, disco.serverIdentities(), disco.serverFeatures(), disco.serverExtensions()));
    }

    CompletionStage<Stanza> items(Stanza request) {
        if (DiscoReplies.namesNode(request)) return error(request);
        return CompletableFuture.completedFuture(DiscoReplies.items(request, null, items.items()));
    }

    private static CompletionStage<Stanza> error(Stanza request) {
        return CompletableFuture.completedFuture(request.errorReply(StanzaError.ITEM_NOT_FOUND));
    }
}
