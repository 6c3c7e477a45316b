package im.tern.module.vcard;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.Hooks;
import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Reads and writes vCards. Anyone may read an account's vCard (it is its public profile), as its privacy
 * settings filter it ({@link PublicVcard}); only the account itself may write it.
 */
final class Vcards {
    static final String KEY = VcardModule.DOCUMENT_KEY;
    private static final Element EMPTY = Element.empty(VcardModule.ELEMENT, VcardModule.NAMESPACE);

    private final DocumentStore documents;
    private final PublicVcard view;
    private final Executor blocking;
    private final Hooks hooks;
    private final int maxBytes;

    Vcards(DocumentStore documents, PublicVcard view, Executor blocking, Hooks hooks, int maxBytes) {
        this.documents = documents;
        this.view = view;
        this.blocking = blocking;
        this.hooks = hooks;
        this.maxBytes = maxBytes;
    }

    CompletionStage<Stanza> get(Stanza request) {
        Jid owner = request.to().bare();
        Jid viewer = request.from();
        return CompletableFuture.supplyAsync(() -> {
            Element card = documents.get(owner.local(), KEY).map(StoredXml::parse).orElse(EMPTY);
            boolean own = viewer != null && viewer.bare().equals(owner);
            return Iq.result(request, own ? card : view.as(card, owner, viewer));
        }, blocking);
    }

    CompletionStage<Stanza> set(Stanza request) {
        if (!request.to().equals(request.from().bare())) {
            return CompletableFuture.completedFuture(request.errorReply(StanzaError.FORBIDDEN));
        }
        String xml = Iq.payload(request).toXml();
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return CompletableFuture.completedFuture(request.errorReply(StanzaError.NOT_ACCEPTABLE,
                    "the vCard is larger than " + maxBytes + " bytes"));
        }
        String owner = request.to().local();
        return CompletableFuture.runAsync(() -> documents.put(owner, KEY, xml), blocking)
                .thenCompose(v -> hooks.fire(new VcardUpdated(request.to().bare(), Iq.payload(request))))
                .thenApply(v -> Iq.result(request));
    }
}
