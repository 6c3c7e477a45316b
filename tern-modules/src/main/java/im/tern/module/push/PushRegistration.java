package im.tern.module.push;

import im.tern.core.Jid;
import im.tern.xml.Element;

/**
 * One device's push registration: the app server's JID, its pubsub node (absent when the client gave
 * none), and the publish-options form to send with every notification (or null).
 */
record PushRegistration(Jid service, String node, Element publishOptions) {
    /** Whether this registration is the one named by a service JID and node (null node: any node). */
    boolean matches(Jid otherService, String otherNode) {
        return service.equals(otherService) && (otherNode == null || otherNode.equals(node));
    }

    boolean sameTarget(PushRegistration other) {
        return service.equals(other.service) && java.util.Objects.equals(node, other.node);
    }

    Element toElement() {
        return Element.builder("registration", PushModule.NAMESPACE)
                .attr("jid", service.toString()).attr("node", node).child(publishOptions).build();
    }

    /** The registration stored as {@link #toElement()}, or null when the element is not one. */
    static PushRegistration fromElement(Element e) {
        Jid service = Jid.parse(e.attr("jid"));
        if (service == null) return null;
        return new PushRegistration(service, e.attr("node"), e.child("x", PushModule.DATA_FORMS));
    }

    @Override
    public String toString() { return service + (node == null ? "" : " node " + node); }
}
