package im.tern.module.privatexml;

import im.tern.core.Iq;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Gets and sets private XML. Each child of the query is one document, keyed by its namespace and
 * name; the stanza namespaces and this protocol's own are refused (XEP-0049 section 3).
 */
final class PrivateStorage {
    private static final Set<String> REFUSED = Set.of(Namespaces.CLIENT, Namespaces.SERVER, PrivateXmlModule.NAMESPACE);

    private final DocumentStore documents;
    private final Executor blocking;

    PrivateStorage(DocumentStore documents, Executor blocking) {
        this.documents = documents;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> get(Stanza request) {
        StanzaError refusal = refusal(request);
        if (refusal != null) return done(request.errorReply(refusal));
        Element wanted = Iq.payload(request).firstElement();
        String owner = request.to().local();
        return CompletableFuture.supplyAsync(() -> documents.get(owner, key(wanted)), blocking)
                .thenApply(stored -> Iq.result(request, query(stored.map(StoredXml::parse).orElse(wanted))));
    }

    CompletionStage<Stanza> set(Stanza request) {
        StanzaError refusal = refusal(request);
        if (refusal != null) return done(request.errorReply(refusal));
        List<Element> documentsToStore = Iq.payload(request).elements();
        String owner = request.to().local();
        return CompletableFuture.runAsync(() -> {
            for (Element e : documentsToStore) documents.put(owner, key(e), e.toXml());
        }, blocking).thenApply(v -> Iq.result(request));
    }

    private static StanzaError refusal(Stanza request) {
        if (!request.to().equals(request.from().bare())) return StanzaError.FORBIDDEN;
        List<Element> children = Iq.payload(request).elements();
        if (children.isEmpty()) return StanzaError.BAD_REQUEST;
        if ("get".equals(request.type()) && children.size() > 1) return StanzaError.BAD_REQUEST;
        for (Element e : children) if (REFUSED.contains(e.namespace())) return StanzaError.NOT_ACCEPTABLE;
        return null;
    }

    private static String key(Element e) {
        return "private:{" + e.namespace() + "}" + e.name();
    }

    private static Element query(Element document) {
        return Element.builder("query", PrivateXmlModule.NAMESPACE).child(document).build();
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
