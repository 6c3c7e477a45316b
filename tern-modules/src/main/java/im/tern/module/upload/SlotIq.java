package im.tern.module.upload;

import im.tern.core.Iq;
import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.IqHandler;
import im.tern.store.UploadStore;
import im.tern.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Answers {@code <request xmlns='urn:xmpp:http:upload:0'/>} (XEP-0363 section 4): checks the request, reserves a
 * slot within the account's quotas and returns its PUT and GET URLs; refusals are the errors of section 5.
 */
final class SlotIq implements IqHandler {
    private final UploadStore store;
    private final UploadSettings settings;
    private final Clock clock;
    private final Executor blocking;

    SlotIq(UploadStore store, UploadSettings settings, Clock clock, Executor blocking) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<Stanza> handle(Stanza request) {
        SlotRequest slot;
        try {
            slot = SlotRequest.parse(Iq.payload(request));
        } catch (SlotRequest.Invalid invalid) {
            return CompletableFuture.completedFuture(request.errorReply(StanzaError.BAD_REQUEST, invalid.getMessage()));
        }
        if (slot.size() > settings.maxFileBytes()) {
            return CompletableFuture.completedFuture(tooLarge(request));
        }
        String owner = request.from().local();
        return CompletableFuture.supplyAsync(() -> {
            Instant now = clock.instant();
            String id = UploadIds.next();
            UploadStore.Refusal refused = store.reserve(new UploadStore.Upload(id, owner, slot.filename(), slot.size(),
                    slot.contentType(), now, now.plus(settings.slotTtl()), false), now.minus(Duration.ofDays(1)),
                    settings.quotaBytesPerDay(), settings.quotaBytesTotal());
            if (refused == UploadStore.Refusal.DAY_QUOTA) {
                return quota(request, "the daily upload quota of " + settings.quotaBytesPerDay() + " bytes is used up", now.plus(Duration.ofDays(1)));
            }
            if (refused == UploadStore.Refusal.TOTAL_QUOTA) {
                return quota(request, "the upload quota of " + settings.quotaBytesTotal() + " bytes is used up until older files expire", null);
            }
            return Iq.result(request, slotElement(id, slot));
        }, blocking);
    }

    private Element slotElement(String id, SlotRequest slot) {
        String url = settings.baseUrl().get() + UploadModule.PATH_PREFIX + id + "/" + slot.urlName();
        return Element.builder("slot", UploadModule.NAMESPACE)
                .child(Element.builder("put", UploadModule.NAMESPACE).attr("url", url).build())
                .child(Element.builder("get", UploadModule.NAMESPACE).attr("url", url).build())
                .build();
    }

    /** not-acceptable with {@code <file-too-large><max-file-size/></file-too-large>} (section 5). */
    private Stanza tooLarge(Stanza request) {
        Element detail = Element.builder("file-too-large", UploadModule.NAMESPACE)
                .child(Element.builder("max-file-size", UploadModule.NAMESPACE).text(Long.toString(settings.maxFileBytes())).build())
                .build();
        return withDetail(request.errorReply(StanzaError.NOT_ACCEPTABLE, "the file is larger than the maximum of "
                + settings.maxFileBytes() + " bytes"), detail);
    }

    /** resource-constraint (type wait), with {@code <retry stamp/>} when it is known when to try again. */
    private static Stanza quota(Stanza request, String text, Instant retryAt) {
        Stanza reply = request.errorReply(StanzaError.RESOURCE_CONSTRAINT, text);
        if (retryAt == null) return reply;
        return withDetail(reply, Element.builder("retry", UploadModule.NAMESPACE).attr("stamp", retryAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).build());
    }

    private static Stanza withDetail(Stanza reply, Element detail) {
        Element error = reply.element().child("error", Namespaces.CLIENT).withChild(detail);
        return reply.withElement(reply.element().withoutChildren("error", Namespaces.CLIENT).withChild(error));
    }
}
