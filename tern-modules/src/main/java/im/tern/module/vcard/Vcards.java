package im.tern.module.vcard;

import im.tern.core.Iq;
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
 * Reads and writes vCards. Anyone may read an account's vCard (it is its public profile); only the
 * account itself may write it.
 */
final class Vcards {
    static final String KEY = VcardModule.DOCUMENT_KEY;
    private static final Element EMPTY = Element.empty(VcardModule.ELEMENT, VcardModule.NAMESPACE);

    private final DocumentStore documents;
    private final Executor blocking;
    private final Hooks hooks;
    private final int maxBytes;

    Vcards(DocumentStore documents, Executor blocking, Hooks hooks, int maxBytes) {
        this.documents = documents;
        this.blocking = blocking;
        this.hooks = hooks;
        this.maxBytes = maxBytes;
    }

    CompletionStage<Stanza> get(Stanza request) {
        String owner = request.to().local();
        return CompletableFuture.supplyAsync(() -> documents.get(owner, KEY), blocking)
                .thenApply(stored -> Iq.result(request, stored.map(StoredXml::parse).orElse(EMPTY)));
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
