package im.tern.module.pep;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The owner's use case (XEP-0060 section 8, {@code pubsub#owner}) on its own nodes: the configuration
 * form and the default one, reconfiguring (how an OMEMO client opens a node whose publish-options did
 * not match), purging and deleting.
 */
final class OwnerRequests {
    private final PepStore store;
    private final PepSettings settings;
    private final Notifier notifier;
    private final Executor blocking;

    OwnerRequests(PepStore store, PepSettings settings, Notifier notifier, Executor blocking) {
        this.store = store;
        this.settings = settings;
        this.notifier = notifier;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> get(Stanza request, Element pubsub) {
        Element op = pubsub.firstElement();
        return switch (op == null ? "" : op.name()) {
            case "configure" -> {
                String node = Names.node(op.attr("node"));
                yield CompletableFuture.supplyAsync(() -> {
                    PepNode found = find(request.to().bare(), node);
                    return result(request, Element.builder("configure", PubSub.OWNER).attr("node", node)
                            .child(NodeConfigForm.form(found.config(), "form")).build());
                }, blocking);
            }
            case "default" -> CompletableFuture.completedFuture(result(request, Element.builder("default", PubSub.OWNER)
                    .child(NodeConfigForm.form(NodeConfig.DEFAULT, "form")).build()));
            case "subscriptions" -> throw PubSubError.unsupported("manage-subscriptions");
            case "affiliations" -> throw PubSubError.unsupported("modify-affiliations");
            default -> throw PubSubError.of(StanzaError.BAD_REQUEST, "unknown owner request");
        };
    }

    CompletionStage<Stanza> set(Stanza request, Element pubsub) {
        Element op = pubsub.firstElement();
        Jid owner = request.to().bare();
        return switch (op == null ? "" : op.name()) {
            case "configure" -> configure(request, owner, Names.node(op.attr("node")), op.child("x", PubSub.FORMS));
            case "delete" -> {
                String node = Names.node(op.attr("node"));
                yield CompletableFuture.supplyAsync(() -> {
                    PepNode found = find(owner, node);
                    if (!store.delete(owner.local(), node)) throw PubSubError.nodeNotFound(node);
                    if (found.config().notifyDelete()) notifier.notify(owner, node, found.config(), EventMessages.deleted(node));
                    return Iq.result(request);
                }, blocking);
            }
            case "purge" -> {
                String node = Names.node(op.attr("node"));
                yield CompletableFuture.supplyAsync(() -> {
                    PepNode found = find(owner, node);
                    if (!store.configure(owner.local(), node, NodeConfigForm.stored(found.config()), 0)) throw PubSubError.nodeNotFound(node);
                    return Iq.result(request);
                }, blocking);
            }
            case "subscriptions" -> throw PubSubError.unsupported("manage-subscriptions");
            case "affiliations" -> throw PubSubError.unsupported("modify-affiliations");
            default -> throw PubSubError.of(StanzaError.BAD_REQUEST, "unknown owner request");
        };
    }

    private CompletionStage<Stanza> configure(Stanza request, Jid owner, String node, Element form) {
        if (form == null) throw PubSubError.of(StanzaError.BAD_REQUEST, "configure carries the submitted form");
        boolean cancelled = "cancel".equals(form.attr("type"));
        return CompletableFuture.supplyAsync(() -> {
            PepNode found = find(owner, node);
            if (cancelled) return Iq.result(request);
            NodeConfig config = NodeConfigForm.submitted(form, found.config(), settings.maxItemsPerNode());
            if (!store.configure(owner.local(), node, NodeConfigForm.stored(config), config.keep(settings.maxItemsPerNode()))) {
                throw PubSubError.nodeNotFound(node);
            }
            return Iq.result(request);
        }, blocking);
    }

    private PepNode find(Jid owner, String node) {
        return store.node(owner.local(), node).map(PepNode::of).orElseThrow(() -> PubSubError.nodeNotFound(node));
    }

    private static Stanza result(Stanza request, Element child) {
        return Iq.result(request, Element.builder("pubsub", PubSub.OWNER).child(child).build());
    }
}
