package im.tern.module.pep;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.module.stored.StoredXml;
import im.tern.store.PepStore;
import im.tern.xml.Element;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code <event xmlns='http://jabber.org/protocol/pubsub#event'/>} notifications (XEP-0060 section 7,
 * XEP-0163 section 4.3): headline messages from the owner's bare JID, which clients and servers never
 * store or copy.
 */
final class EventMessages {
    private final String idPrefix = "pep-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private final AtomicLong ids = new AtomicLong();

    /** {@code <items node><item id>payload</item></items>}; the payload left out when the node delivers none. */
    static Element published(String node, PepStore.Item item, boolean withPayload) {
        return items(node, List.of(item(item, withPayload)));
    }

    /** {@code <items node><retract id/>...</items>}. */
    static Element retracted(String node, List<String> ids) {
        return items(node, ids.stream().map(id -> Element.builder("retract", PubSub.EVENT).attr("id", id).build()).toList());
    }

    /** {@code <delete node/>}. */
    static Element deleted(String node) {
        return Element.builder("delete", PubSub.EVENT).attr("node", node).build();
    }

    /**
     * The message carrying one event to one resource. {@code published} is set for a last item sent later
     * than it was published, as a XEP-0203 delay.
     */
    Element message(Jid owner, Jid to, Element event, Instant published) {
        Element.Builder m = Element.builder("message", Namespaces.CLIENT).attr("type", "headline")
                .attr("id", idPrefix + ids.incrementAndGet())
                .attr("from", owner.toString()).attr("to", to.toString())
                .child(Element.builder("event", PubSub.EVENT).child(event).build());
        if (published != null) {
            m.child(Element.builder("delay", PubSub.DELAY).attr("from", owner.toString())
                    .attr("stamp", published.truncatedTo(ChronoUnit.MILLIS).toString()).build());
        }
        return m.build();
    }

    /** An item as retrieval results show it, in the given namespace (pubsub or pubsub#event). */
    static Element item(String namespace, PepStore.Item item, boolean withPayload) {
        Element.Builder b = Element.builder("item", namespace).attr("id", item.id());
        if (withPayload) b.child(StoredXml.parse(item.xml()));
        return b.build();
    }

    private static Element item(PepStore.Item item, boolean withPayload) {
        return item(PubSub.EVENT, item, withPayload);
    }

    private static Element items(String node, List<Element> children) {
        return Element.builder("items", PubSub.EVENT).attr("node", node).children(children).build();
    }
}
