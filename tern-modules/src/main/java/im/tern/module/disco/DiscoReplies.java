package im.tern.module.disco;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.module.Disco;
import im.tern.xml.Element;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Builds the disco#info and disco#items results. */
final class DiscoReplies {
    private DiscoReplies() {}

    /** @param node the node asked about, echoed in the answer, or null */
    static Stanza info(Stanza request, String node, List<Disco.Identity> identities, Collection<String> features) {
        return info(request, node, identities, features, List.of());
    }

    /** With extended-information forms (XEP-0128) after the features. */
    static Stanza info(Stanza request, String node, List<Disco.Identity> identities, Collection<String> features,
                       List<Element> extensions) {
        Element.Builder q = Element.builder("query", DiscoModule.INFO).attr("node", node);
        for (Disco.Identity id : identities) {
            q.child(Element.builder("identity", DiscoModule.INFO)
                    .attr("category", id.category()).attr("type", id.type()).attr("name", id.name()).build());
        }
        for (String var : new TreeSet<>(features)) {
            q.child(Element.builder("feature", DiscoModule.INFO).attr("var", var).build());
        }
        for (Element form : extensions) q.child(form);
        return Iq.result(request, q.build());
    }

    static Stanza items(Stanza request, String node, List<DiscoItems.Item> items) {
        Element.Builder q = Element.builder("query", DiscoModule.ITEMS).attr("node", node);
        for (DiscoItems.Item item : items) {
            q.child(Element.builder("item", DiscoModule.ITEMS).attr("jid", item.jid().toString())
                    .attr("name", item.name()).attr("node", item.node()).build());
        }
        return Iq.result(request, q.build());
    }

    /** The server answers for no nodes yet: a query naming one gets item-not-found. */
    static boolean namesNode(Stanza request) {
        return Iq.payload(request).attr("node") != null;
    }
}
