package im.tern.app;

import java.util.List;
import javax.xml.namespace.QName;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import java.io.IOException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.NodeExtension;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * What a PEP client does with Smack beyond its managers: publish-options, and waiting for notifications.
 * Payloads Smack has no class for are read as {@link Payload}s through {@link GenericExtensionProvider} (see
 * there why Smack's own fallback cannot be used), for the elements in {@link #PAYLOADS}, while the tests run.
 */
final class PepClient {
    static final String PROBE = "urn:tern:test:probe";
    static final QName[] PAYLOADS = {
        new QName("urn:tern:test", "probe"), new QName("urn:x", "status"), new QName("urn:x", "note"), new QName("urn:x", "s"),
        new QName("eu.siacs.conversations.axolotl", "list"), new QName("eu.siacs.conversations.axolotl", "bundle"),
        new QName("urn:xmpp:omemo:2", "bundle"), new QName("urn:xmpp:omemo:2", "devices"),
        new QName("urn:xmpp:avatar:data", "data"), new QName("urn:xmpp:avatar:metadata", "metadata"),
    };

    /** A payload as the XML that arrived; PepManager hands listeners only {@link ExtensionElement}s. */
    record Payload(String name, String namespace, String xml) implements ExtensionElement {
        @Override public String getElementName() { return name; }

        @Override public String getNamespace() { return namespace; }

        @Override public CharSequence toXML(XmlEnvironment enclosing) { return xml; }
    }

    static final class PayloadProvider extends ExtensionElementProvider<Payload> {
        @Override
        public Payload parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException {
            StandardExtensionElement e = GenericExtensionProvider.INSTANCE.parse(parser, initialDepth, environment);
            return new Payload(e.getElementName(), e.getNamespace(), e.toXML().toString());
        }
    }

    /** The XEP-0060 conditions Tern puts beside a stanza error, which Smack reads with its fallback too. */
    static final String[] PUBSUB_ERRORS = {
        "closed-node", "invalid-payload", "item-required", "max-items-exceeded", "max-nodes-exceeded", "nodeid-required",
        "not-in-roster-group", "payload-required", "payload-too-big", "precondition-not-met", "presence-subscription-required",
        "unsupported", "unsupported-access-model",
    };

    /**
     * Reads the test payloads as {@link Payload}s, and the XEP-0153 presence element and pubsub error
     * conditions generically; returns what to restore.
     */
    static Map<QName, ExtensionElementProvider<ExtensionElement>> installProviders() {
        List<QName> generic = new java.util.ArrayList<>(List.of(new QName("vcard-temp:x:update", "x")));
        for (String c : PUBSUB_ERRORS) generic.add(new QName(PubSub.NAMESPACE + "#errors", c));
        Map<QName, ExtensionElementProvider<ExtensionElement>> before = GenericExtensionProvider.install(generic.toArray(QName[]::new));
        PayloadProvider provider = new PayloadProvider();
        for (QName q : PAYLOADS) {
            before.put(q, ProviderManager.getExtensionProvider(q.getLocalPart(), q.getNamespaceURI()));
            ProviderManager.addExtensionProvider(q.getLocalPart(), q.getNamespaceURI(), provider);
        }
        return before;
    }

    private PepClient() {}

    /** {@code <publish-options/>}, which Smack 4.5's LeafNode cannot send. */
    static final class PublishOptions extends NodeExtension {
        private final DataForm form;

        PublishOptions(Map<String, String> fields) {
            super(PubSubElementType.PUBLISH_OPTIONS);
            DataForm.Builder b = DataForm.builder(DataForm.Type.submit).setFormType(PubSub.NAMESPACE + "#publish-options");
            fields.forEach((var, value) -> b.addField(FormField.builder(var).setValue(value).build()));
            this.form = b.build();
        }

        @Override
        protected void addXml(XmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(form);
            xml.closeElement(this);
        }
    }

    /** Publishes one item to the connection's own node with publish-options; throws the error the server answered. */
    static void publish(XMPPConnection c, String node, String id, String payloadXml, Map<String, String> options) throws Exception {
        PubSub request = PubSub.createPubsubPacket(null, IQ.Type.set,
                new PublishItem<>(node, new PayloadItem<>(id, new SimplePayload(payloadXml))));
        if (!options.isEmpty()) request.addExtension(new PublishOptions(options));
        c.sendIqRequestAndWaitForResponse(request);
    }

    /** Notifications of one node, as the payloads' XML, collected from the moment this is called. */
    static BlockingQueue<String> listen(XMPPConnection c, String node) {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        PepManager.getInstanceFor(c).addPepEventListener(node, Payload.class,
                (from, payload, id, message) -> got.add(from + " " + id + " " + payload.toXML()));
        return got;
    }

    /**
     * Announces interest (+notify) in the nodes and waits until the server has learnt it: the interest in
     * a probe node, announced last, shows when the connection's own publish to it comes back.
     */
    static void awaitInterest(XMPPConnection c, String... nodes) throws Exception {
        for (String n : nodes) listen(c, n);
        BlockingQueue<String> probe = listen(c, PROBE);
        String id = "probe-" + System.nanoTime();
        PepManager.getInstanceFor(c).publish(PROBE, new PayloadItem<>(id, new SimplePayload("<probe xmlns='urn:tern:test'/>")));
        for (String got; (got = probe.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (got.contains(id)) return;
        }
        throw new AssertionError("the server never learnt the interest of " + c.getUser() + " in " + List.of(nodes));
    }
}
