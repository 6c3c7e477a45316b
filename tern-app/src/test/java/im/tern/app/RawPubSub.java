package im.tern.app;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.pubsub.packet.PubSub;

/** A {@code <pubsub/>} IQ kept as the XML that arrived, for a test app server that only records it. */
final class RawPubSub extends IQ {
    private final String xml;

    RawPubSub(IqData data, String xml) {
        super(data, PubSub.ELEMENT, PubSub.NAMESPACE);
        this.xml = xml;
    }

    /** The {@code <pubsub/>} element, every element carrying its namespace. */
    String xml() { return xml; }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }

    static final class Provider extends org.jivesoftware.smack.provider.IqProvider<IQ> {
        @Override
        public IQ parse(XmlPullParser parser, int initialDepth, IqData data, XmlEnvironment environment) throws java.io.IOException,
                org.jivesoftware.smack.xml.XmlPullParserException {
            return new RawPubSub(data, PacketParserUtils.parseElement(parser, true).toString());
        }
    }
}
