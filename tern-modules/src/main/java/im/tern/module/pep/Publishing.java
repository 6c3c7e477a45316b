package im.tern.module.pep;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Publishing to an account's own nodes (XEP-0060 section 7.1, XEP-0163 section 3): the node is created
 * on first publish with the publish-options as its configuration; on an existing node the options are
 * preconditions. Then the node's interested resources are notified. Payloads are opaque: anything in one
 * element, within the size limit.
 */
final class Publishing {
    /** What a publish stored: the node as it now is, and the item. */
    record Published(PepNode node, PepStore.Item item) {}

    /** Told of each publish a client made (not of those the server makes on its behalf). */
    interface Listener {
        void published(Jid owner, PepNode node, PepStore.Item item);
    }

    private final PepStore store;
    private final PepSettings settings;
    private final Notifier notifier;
    private final Executor blocking;
    private final Clock clock;
    private volatile Listener listener = (owner, node, item) -> {};

    Publishing(PepStore store, PepSettings settings, Notifier notifier, Executor blocking, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.notifier = notifier;
        this.blocking = blocking;
        this.clock = clock;
    }

    void listen(Listener l) { this.listener = l; }

    /** {@code <publish node><item id>payload</item></publish>} with optional {@code <publish-options/>}, by the owner. */
    CompletionStage<Stanza> publish(Stanza request, Element pubsub) {
        Element publish = pubsub.child("publish", PubSub.NS);
        String node = Names.node(publish.attr("node"));
        List<Element> items = publish.elements("item", PubSub.NS);
        if (items.isEmpty()) throw PubSubError.of(StanzaError.BAD_REQUEST, "item-required", "a PEP publish carries an item");
        if (items.size() > 1) throw PubSubError.of(StanzaError.BAD_REQUEST, "invalid-payload", "publish one item at a time");
        Element item = items.get(0);
        String id = Names.itemId(item.attr("id"));
        Element wrapper = pubsub.child("publish-options", PubSub.NS);
        Element options = wrapper == null ? null : wrapper.child("x", PubSub.FORMS);
        if (wrapper != null && options == null && !wrapper.elements().isEmpty()) {
            throw PubSubError.of(StanzaError.BAD_REQUEST, "publish-options must hold a data form");
        }
        Jid owner = request.to().bare();
        return publish(owner, node, id, payloadOf(item), options).thenApply(p -> {
            listener.published(owner, p.node(), p.item());
            return Iq.result(request, Element.builder("pubsub", PubSub.NS).child(Element.builder("publish", PubSub.NS)
                    .attr("node", node).child(Element.builder("item", PubSub.NS).attr("id", id).build()).build()).build());
        });
    }

    /**
     * Stores an item on the owner's node (creating it, configured by the publish-options) and notifies;
     * fails with {@link PubSubError} when refused.
     */
    CompletionStage<Published> publish(Jid owner, String node, String id, Element payload, Element options) {
        return publish(owner, node, id, payload, options, null);
    }

    /**
     * How the server publishes for an account (its avatar from the vCard): a missing node is created with
     * {@code config}, an existing one taken as it is.
     */
    CompletionStage<Published> publishAsServer(Jid owner, String node, String id, Element payload, NodeConfig config) {
        return publish(owner, node, id, payload, null, config);
    }

    private CompletionStage<Published> publish(Jid owner, String node, String id, Element payload, Element options, NodeConfig preset) {
        checkSize(node, payload);
        return CompletableFuture.supplyAsync(() -> store(owner, node, id, payload, options, preset), blocking).thenApply(p -> {
            NodeConfig config = p.node().config();
            notifier.notify(owner, node, config, EventMessages.published(node, p.item(), config.deliverPayloads()));
            return p;
        });
    }

    /** {@code <retract node notify><item id/></retract>} by the owner; retraction is notified when asked or configured. */
    CompletionStage<Stanza> retract(Stanza request, Element retract) {
        String node = Names.node(retract.attr("node"));
        List<String> ids = retract.elements("item", PubSub.NS).stream().map(i -> i.attr("id")).toList();
        if (ids.isEmpty() || ids.contains(null)) throw PubSubError.of(StanzaError.BAD_REQUEST, "item-required", "name the item to retract");
        String notifyAttr = retract.attr("notify");
        Jid owner = request.to().bare();
        return CompletableFuture.supplyAsync(() -> {
            PepNode found = store.node(owner.local(), node).map(PepNode::of).orElseThrow(() -> PubSubError.nodeNotFound(node));
            List<String> removed = ids.stream().filter(id -> store.retract(owner.local(), node, id)).toList();
            if (removed.isEmpty()) throw PubSubError.of(StanzaError.ITEM_NOT_FOUND, "node " + node + " holds no item " + ids.get(0));
            boolean notify = notifyAttr == null ? found.config().notifyRetract() : notifyAttr.equals("true") || notifyAttr.equals("1");
            if (notify) notifier.notify(owner, node, found.config(), EventMessages.retracted(node, removed));
            return Iq.result(request);
        }, blocking);
    }

    /** {@code <create node/>} with an optional {@code <configure><x/></configure>}, by the owner. */
    CompletionStage<Stanza> create(Stanza request, Element pubsub) {
        String node = Names.node(pubsub.child("create", PubSub.NS).attr("node"));
        Element configure = pubsub.child("configure", PubSub.NS);
        Element form = configure == null ? null : configure.child("x", PubSub.FORMS);
        NodeConfig config = form == null ? NodeConfig.DEFAULT : NodeConfigForm.submitted(form, NodeConfig.DEFAULT, settings.maxItemsPerNode());
        Jid owner = request.to().bare();
        return CompletableFuture.supplyAsync(() -> {
            switch (store.create(owner.local(), node, NodeConfigForm.stored(config), settings.maxNodesPerAccount())) {
                case EXISTS -> throw PubSubError.of(StanzaError.CONFLICT, "node " + node + " exists");
                case LIMIT_REACHED -> throw tooManyNodes();
                case CREATED -> { }
            }
            return Iq.result(request);
        }, blocking);
    }

    private Published store(Jid owner, String node, String id, Element payload, Element options, NodeConfig preset) {
        Optional<PepNode> existing = store.node(owner.local(), node).map(PepNode::of);
        if (existing.isEmpty()) {
            NodeConfig config = preset != null ? preset : NodeConfigForm.forNewNode(options, settings.maxItemsPerNode());
            switch (store.create(owner.local(), node, NodeConfigForm.stored(config), settings.maxNodesPerAccount())) {
                case LIMIT_REACHED -> throw tooManyNodes();
                case CREATED -> existing = Optional.of(new PepNode(node, config, null));
                // created by a concurrent publish: its configuration stands, and the options are preconditions on it
                case EXISTS -> existing = store.node(owner.local(), node).map(PepNode::of);
            }
        }
        PepNode found = existing.orElseThrow(() -> PubSubError.nodeNotFound(node));
        NodeConfigForm.checkPreconditions(options, found.config(), settings.maxItemsPerNode());
        PepStore.Item item = new PepStore.Item(id, payload.toXml(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!store.publish(owner.local(), node, item, found.config().keep(settings.maxItemsPerNode()))) {
            throw PubSubError.nodeNotFound(node);
        }
        return new Published(new PepNode(node, found.config(), item), item);
    }

    /** Avatar images have their own limit, on the image: the base64 text decoded, with room for the element around it. */
    private void checkSize(String node, Element payload) {
        int bytes = payload.toXml().getBytes(StandardCharsets.UTF_8).length;
        if (node.equals(Avatars.DATA)) {
            if (Avatars.decodedLength(payload.text()) > settings.maxAvatarBytes() || bytes > settings.maxAvatarBase64Chars() + 1024) {
                throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "payload-too-big",
                        "avatars are limited to " + settings.maxAvatarBytes() + " bytes");
            }
        } else if (bytes > settings.maxItemBytes()) {
            throw PubSubError.of(StanzaError.NOT_ACCEPTABLE, "payload-too-big",
                    "item payloads are limited to " + settings.maxItemBytes() + " bytes; this one has " + bytes);
        }
    }

    private static Element payloadOf(Element item) {
        List<Element> children = item.elements();
        if (children.isEmpty()) throw PubSubError.of(StanzaError.BAD_REQUEST, "payload-required", "the item carries no payload");
        if (children.size() > 1) throw PubSubError.of(StanzaError.BAD_REQUEST, "invalid-payload", "an item carries exactly one payload element");
        return children.get(0);
    }

    private PubSubError tooManyNodes() {
        return PubSubError.of(StanzaError.RESOURCE_CONSTRAINT, "max-nodes-exceeded",
                "an account may have at most " + settings.maxNodesPerAccount() + " nodes");
    }
}
