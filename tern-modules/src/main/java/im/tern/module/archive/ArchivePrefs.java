package im.tern.module.archive;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.module.stored.StoredXml;
import im.tern.store.DocumentStore;
import im.tern.xml.Element;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Archiving preferences (XEP-0441, {@code <prefs/>} in urn:xmpp:mam:2): kept and returned as the client
 * set them, so clients that insist on setting them are satisfied, but not applied. Tern archives every
 * one-to-one conversation, because a second device syncs its history from the archive (docs/messages.md).
 */
final class ArchivePrefs {
    static final String KEY = "mam:prefs";
    private static final Set<String> DEFAULTS = Set.of("always", "never", "roster");
    private static final Element INITIAL = Element.builder("prefs", ArchiveModule.NAMESPACE).attr("default", "always")
            .child(Element.empty("always", ArchiveModule.NAMESPACE))
            .child(Element.empty("never", ArchiveModule.NAMESPACE)).build();

    private final DocumentStore documents;
    private final Executor blocking;

    ArchivePrefs(DocumentStore documents, Executor blocking) {
        this.documents = documents;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> get(Stanza request) {
        if (!ownArchive(request)) return done(request.errorReply(StanzaError.FORBIDDEN));
        String owner = request.to().local();
        return CompletableFuture.supplyAsync(() -> documents.get(owner, KEY), blocking)
                .thenApply(stored -> Iq.result(request, stored.map(StoredXml::parse).orElse(INITIAL)));
    }

    CompletionStage<Stanza> set(Stanza request) {
        if (!ownArchive(request)) return done(request.errorReply(StanzaError.FORBIDDEN));
        Element prefs = Iq.payload(request);
        if (!DEFAULTS.contains(prefs.attr("default"))) {
            return done(request.errorReply(StanzaError.BAD_REQUEST, "default must be always, never or roster"));
        }
        Element kept = normalised(prefs);
        String owner = request.to().local();
        return CompletableFuture.runAsync(() -> documents.put(owner, KEY, kept.toXml()), blocking)
                .thenApply(v -> Iq.result(request, kept));
    }

    /** Only the default and the JIDs in always and never; both lists present, as the result must have them. */
    private static Element normalised(Element prefs) {
        Element.Builder b = Element.builder("prefs", ArchiveModule.NAMESPACE).attr("default", prefs.attr("default"));
        for (String list : new String[] {"always", "never"}) {
            Element.Builder l = Element.builder(list, ArchiveModule.NAMESPACE);
            Element given = prefs.child(list, ArchiveModule.NAMESPACE);
            if (given != null) {
                for (Element jid : given.elements("jid", ArchiveModule.NAMESPACE)) {
                    l.child(Element.builder("jid", ArchiveModule.NAMESPACE).text(jid.text().trim()).build());
                }
            }
            b.child(l.build());
        }
        return b.build();
    }

    static boolean ownArchive(Stanza request) {
        return request.from() != null && request.to().equals(request.from().bare());
    }

    private static CompletionStage<Stanza> done(Stanza reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
