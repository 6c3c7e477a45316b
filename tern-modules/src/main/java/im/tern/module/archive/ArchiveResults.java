package im.tern.module.archive;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.module.stored.StoredXml;
import im.tern.store.ArchivedMessage;
import im.tern.xml.Element;
import java.util.List;

/** The elements of an archive answer: one result message per archived message, and the closing {@code <fin/>}. */
final class ArchiveResults {
    static final String FORWARD = "urn:xmpp:forward:0";

    private ArchiveResults() {}

    /** {@code <message><result queryid id><forwarded><delay/><message/></forwarded></result></message>}. */
    static Element result(Jid owner, Jid requester, String queryId, ArchivedMessage m) {
        Element forwarded = Element.builder("forwarded", FORWARD)
                .child(Delay.element(null, m.timestamp()))
                .child(StoredXml.parse(m.xml())).build();
        Element result = Element.builder("result", ArchiveModule.NAMESPACE).attr("queryid", queryId).attr("id", m.id())
                .child(forwarded).build();
        return Element.builder("message", Namespaces.CLIENT).attr("from", owner.toString()).attr("to", requester.toString())
                .child(result).build();
    }

    /**
     * {@code <fin complete?><set><first index/><last/><count/></set></fin>}; first and last name the page's
     * ends in archive order, whatever order the page was sent in.
     */
    static Element fin(List<ArchivedMessage> page, Integer firstIndex, Integer count, boolean complete) {
        Element.Builder set = Element.builder("set", MamRequest.RSM);
        if (!page.isEmpty()) {
            set.child(Element.builder("first", MamRequest.RSM)
                    .attr("index", firstIndex == null ? null : firstIndex.toString()).text(page.get(0).id()).build());
            set.textChild("last", page.get(page.size() - 1).id());
        }
        if (count != null) set.textChild("count", count.toString());
        return Element.builder("fin", ArchiveModule.NAMESPACE).attr("complete", complete ? "true" : null)
                .child(set.build()).build();
    }
}
