package im.tern.module.push;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.xml.Element;

/**
 * The publish of XEP-0357 section 8: a {@code <notification/>} whose summary form says one message is
 * waiting, and nothing else (no sender, no body: see the package documentation), with the registration's
 * publish options.
 */
final class Notification {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String SUMMARY = "urn:xmpp:push:summary";

    private Notification() {}

    static Element publish(String id, Jid account, PushRegistration registration) {
        Element summary = Element.builder("x", PushModule.DATA_FORMS).attr("type", "submit")
                .child(field("FORM_TYPE", SUMMARY))
                .child(field("message-count", "1"))
                .build();
        Element item = Element.builder("item", PUBSUB)
                .child(Element.builder("notification", PushModule.NAMESPACE).child(summary).build())
                .build();
        Element.Builder pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("publish", PUBSUB).attr("node", registration.node()).child(item).build());
        if (registration.publishOptions() != null) {
            pubsub.child(Element.builder("publish-options", PUBSUB).child(registration.publishOptions()).build());
        }
        return Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("id", id)
                .attr("from", account.toString()).attr("to", registration.service().toString())
                .child(pubsub.build()).build();
    }

    private static Element field(String var, String value) {
        return Element.builder("field", PushModule.DATA_FORMS).attr("var", var)
                .child(Element.builder("value", PushModule.DATA_FORMS).text(value).build()).build();
    }
}
