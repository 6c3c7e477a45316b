package im.tern.module.pep;

import im.tern.core.Namespaces;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.concurrent.CompletionException;

/**
 * A refusal: the stanza error, the XEP-0060 condition beside it (section 7 and 8 tables) and a text for
 * people. Thrown where the refusal is found, even on the blocking pool, and turned into the reply by
 * {@link #replyTo}. Carries no stack trace: it is an answer, not a fault.
 */
final class PubSubError extends RuntimeException {
    private final StanzaError error;
    private final String condition;
    private final String feature;

    private PubSubError(StanzaError error, String condition, String feature, String text) {
        super(text, null, false, false);
        this.error = error;
        this.condition = condition;
        this.feature = feature;
    }

    static PubSubError of(StanzaError error, String condition, String text) {
        return new PubSubError(error, condition, null, text);
    }

    static PubSubError of(StanzaError error, String text) {
        return new PubSubError(error, null, null, text);
    }

    /** feature-not-implemented with {@code <unsupported feature='...'/>}. */
    static PubSubError unsupported(String feature) {
        return new PubSubError(StanzaError.FEATURE_NOT_IMPLEMENTED, "unsupported", feature,
                "the PEP service does not support " + feature);
    }

    static PubSubError nodeNotFound(String node) {
        return of(StanzaError.ITEM_NOT_FOUND, "no node " + node);
    }

    StanzaError error() { return error; }

    /** The pubsub condition, or null. */
    String condition() { return condition; }

    Stanza reply(Stanza request) {
        Stanza reply = request.errorReply(error, getMessage());
        if (condition == null) return reply;
        Element specific = Element.builder(condition, PubSub.ERRORS).attr("feature", feature).build();
        Element errorElement = reply.element().child("error", Namespaces.CLIENT).withChild(specific);
        return reply.withElement(reply.element().withoutChildren("error", Namespaces.CLIENT).withChild(errorElement));
    }

    /** The reply for a failed stage: the refusal it carries, or rethrows anything else (the core answers internal-server-error). */
    static Stanza replyTo(Stanza request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof PubSubError refusal) return refusal.reply(request);
        if (cause instanceof RuntimeException r) throw r;
        throw new CompletionException(cause);
    }
}
