package im.tern.app;

import im.tern.xml.Element;
import im.tern.xml.ElementParser;
import im.tern.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * An IQ of a protocol Smack has no classes for (Tern's own {@code urn:tern:...} ones): a request made of
 * attributes and inner XML, and a result kept as the element that arrived. Register the provider for the
 * result's element first ({@link #readResults}), or Smack's fallback parser trips over it.
 */
final class RawIq extends IQ {
    private final Map<String, String> attributes;
    private final String inner;
    private final String xml;

    /** A request: {@code <element xmlns='namespace' attributes...>inner</element>}. */
    RawIq(Type type, String element, String namespace, Map<String, String> attributes, String inner) {
        super(element, namespace);
        setType(type);
        this.attributes = attributes;
        this.inner = inner;
        this.xml = null;
    }

    private RawIq(IqData data, String element, String namespace, String xml) {
        super(data, element, namespace);
        this.attributes = Map.of();
        this.inner = "";
        this.xml = xml;
    }

    /** The payload of a result as a Tern element, for assertions. */
    Element payload() throws Exception {
        return ElementParser.parse(xml.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder b) {
        attributes.forEach(b::attribute);
        if (inner.isEmpty()) {
            b.setEmptyElement();
        } else {
            b.rightAngleBracket();
            b.append(inner);
        }
        return b;
    }

    /** Results with this element are read as RawIq. Providers are global to the JVM; harmless across tests. */
    static void readResults(String element, String namespace) {
        ProviderManager.addIQProvider(element, namespace, new IqProvider<IQ>() {
            @Override
            public IQ parse(XmlPullParser parser, int initialDepth, IqData data, XmlEnvironment environment)
                    throws java.io.IOException, org.jivesoftware.smack.xml.XmlPullParserException {
                return new RawIq(data, element, namespace, PacketParserUtils.parseElement(parser, true).toString());
            }
        });
    }
}
