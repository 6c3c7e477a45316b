package im.tern.module.retract;

import im.tern.core.Namespaces;
import im.tern.xml.Element;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What an archived message becomes once retracted (XEP-0424 section 5): the same {@code <message/>}
 * element and attributes, its XEP-0359 ids and thread kept so clients can match it, and everything
 * else (body, encrypted payload, attachments, replies, fallbacks) replaced by {@code <retracted/>}.
 */
final class Tombstone {
    static final String STANZA_IDS = "urn:xmpp:sid:0";

    private Tombstone() {}

    /**
     * @param original       the archived message
     * @param retractionId   the id attribute of the retraction message (omitted when it has none)
     * @param at             when the retraction happened
     */
    static Element of(Element original, String retractionId, Instant at) {
        List<Object> kept = new ArrayList<>();
        for (Element child : original.elements()) {
            if (child.namespace().equals(STANZA_IDS) || child.is("thread", Namespaces.CLIENT)) kept.add(child);
        }
        kept.add(Element.builder("retracted", RetractModule.NAMESPACE)
                .attr("id", retractionId)
                .attr("stamp", DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)))
                .build());
        return original.withChildren(kept);
    }

    static boolean is(Element message) {
        return message.child("retracted", RetractModule.NAMESPACE) != null;
    }
}
