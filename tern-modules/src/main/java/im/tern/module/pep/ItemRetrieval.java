package im.tern.module.pep;

import im.tern.core.Iq;
import im.tern.core.Jid;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Item retrieval (XEP-0060 section 6.5): all of a node's items, the newest {@code max_items}, or those
 * named, oldest first, to whoever the node is shown to. This is how a stranger fetches an open OMEMO
 * device list or bundle.
 */
final class ItemRetrieval {
    private final PepStore store;
    private final Access access;
    private final PepSettings settings;
    private final Executor blocking;

    ItemRetrieval(PepStore store, Access access, PepSettings settings, Executor blocking) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> items(Stanza request, Element items) {
        String node = Names.node(items.attr("node"));
        int max = maxItems(items.attr("max_items"));
        List<String> ids = items.elements("item", PubSub.NS).stream().map(i -> i.attr("id")).toList();
        if (ids.contains(null)) throw PubSubError.of(StanzaError.BAD_REQUEST, "item-required", "an item asked for has no id");
        Jid owner = request.to().bare();
        return CompletableFuture.supplyAsync(() -> {
            PepNode found = store.node(owner.local(), node).map(PepNode::of).orElseThrow(() -> PubSubError.nodeNotFound(node));
            access.check(owner, node, found.config(), request.from(), access.relation(owner, request.from()));
            List<PepStore.Item> list = store.items(owner.local(), node, ids, max);
            if (!ids.isEmpty() && list.isEmpty()) {
                throw PubSubError.of(StanzaError.ITEM_NOT_FOUND, "node " + node + " holds no item " + ids.get(0));
            }
            Element.Builder result = Element.builder("items", PubSub.NS).attr("node", node);
            for (PepStore.Item item : list) result.child(EventMessages.item(PubSub.NS, item, true));
            return Iq.result(request, Element.builder("pubsub", PubSub.NS).child(result.build()).build());
        }, blocking);
    }

    private int maxItems(String value) {
        if (value == null) return settings.maxItemsPerNode();
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) return Math.min(n, settings.maxItemsPerNode());
        } catch (NumberFormatException e) {
            // refused below
        }
        throw PubSubError.of(StanzaError.BAD_REQUEST, "max_items must be a positive number, not '" + value + "'");
    }
}
