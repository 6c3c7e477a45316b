package im.tern.module.pep;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The IQ handlers for {@code <pubsub/>} on an account: reading is open to anyone the node is shown to;
 * writing (publish, retract, create) and every owner request only to the account itself (XEP-0163
 * section 3: an account publishes only to its own service). Refusals become error replies here.
 */
final class PubSubRequests {
    private final Publishing publishing;
    private final ItemRetrieval retrieval;
    private final OwnerRequests owner;

    PubSubRequests(Publishing publishing, ItemRetrieval retrieval, OwnerRequests owner) {
        this.publishing = publishing;
        this.retrieval = retrieval;
        this.owner = owner;
    }

    CompletionStage<Stanza> get(Stanza request) {
        return answer(request, () -> {
            Element pubsub = Iq.payload(request);
            if (pubsub.child("items", PubSub.NS) != null) return retrieval.items(request, pubsub.child("items", PubSub.NS));
            if (pubsub.child("subscriptions", PubSub.NS) != null) throw PubSubError.unsupported("retrieve-subscriptions");
            if (pubsub.child("affiliations", PubSub.NS) != null) throw PubSubError.unsupported("retrieve-affiliations");
            if (pubsub.child("options", PubSub.NS) != null) throw PubSubError.unsupported("subscription-options");
            throw PubSubError.of(StanzaError.BAD_REQUEST, "unknown pubsub request");
        });
    }

    CompletionStage<Stanza> set(Stanza request) {
        return answer(request, () -> {
            requireOwner(request);
            Element pubsub = Iq.payload(request);
            if (pubsub.child("publish", PubSub.NS) != null) return publishing.publish(request, pubsub);
            if (pubsub.child("retract", PubSub.NS) != null) return publishing.retract(request, pubsub.child("retract", PubSub.NS));
            if (pubsub.child("create", PubSub.NS) != null) return publishing.create(request, pubsub);
            if (pubsub.child("subscribe", PubSub.NS) != null || pubsub.child("unsubscribe", PubSub.NS) != null) {
                throw PubSubError.unsupported("subscribe");
            }
            if (pubsub.child("options", PubSub.NS) != null) throw PubSubError.unsupported("subscription-options");
            throw PubSubError.of(StanzaError.BAD_REQUEST, "unknown pubsub request");
        });
    }

    CompletionStage<Stanza> ownerGet(Stanza request) {
        return answer(request, () -> {
            requireOwner(request);
            return owner.get(request, Iq.payload(request));
        });
    }

    CompletionStage<Stanza> ownerSet(Stanza request) {
        return answer(request, () -> {
            requireOwner(request);
            return owner.set(request, Iq.payload(request));
        });
    }

    private static void requireOwner(Stanza request) {
        if (request.from() == null || !request.from().bare().equals(request.to().bare())) {
            throw PubSubError.of(StanzaError.FORBIDDEN, "only the account itself manages its PEP nodes");
        }
    }

    /** Runs the request; a refusal, thrown at once or failing the stage, becomes the error reply. */
    private static CompletionStage<Stanza> answer(Stanza request, Supplier<CompletionStage<Stanza>> work) {
        CompletionStage<Stanza> stage;
        try {
            stage = work.get();
        } catch (PubSubError refused) {
            return CompletableFuture.completedFuture(refused.reply(request));
        }
        return stage.handle((reply, failure) -> failure == null ? reply : PubSubError.replyTo(request, failure));
    }
}
