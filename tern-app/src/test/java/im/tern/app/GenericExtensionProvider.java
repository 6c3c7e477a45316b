package im.tern.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads an extension Smack has no class for into a {@link StandardExtensionElement}, as Smack's own
 * fallback does. That fallback cannot be used here: on this class path Smack's StAX parser is Aalto, which
 * reports the default namespace's prefix as "" where Smack asserts null, so under {@code -ea} the first
 * unknown element carrying an {@code xmlns} kills the connection's reader thread (Smack 4.5.0-beta5).
 *
 * <p>Providers are global to the JVM: {@link #install} replaces those for the given elements and returns
 * what {@link #restore} puts back.
 */
final class GenericExtensionProvider extends ExtensionElementProvider<StandardExtensionElement> {
    static final GenericExtensionProvider INSTANCE = new GenericExtensionProvider();

    @Override
    public StandardExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException {
        StandardExtensionElement.Builder b = StandardExtensionElement.builder(parser.getName(), parser.getNamespace());
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String prefix = parser.getAttributePrefix(i);
            String name = prefix == null || prefix.isEmpty() ? parser.getAttributeName(i) : prefix + ':' + parser.getAttributeName(i);
            b.addAttribute(name, parser.getAttributeValue(i));
        }
        while (true) {
            switch (parser.next()) {
                case START_ELEMENT -> b.addElement(parse(parser, parser.getDepth(), environment));
                case TEXT_CHARACTERS -> b.setText(parser.getText());
                case END_ELEMENT -> {
                    if (parser.getDepth() == initialDepth) return b.build();
                }
                default -> { }
            }
        }
    }

    /** Reads these elements with this provider; returns the providers they had (null where none). */
    static Map<QName, ExtensionElementProvider<ExtensionElement>> install(QName... elements) {
        Map<QName, ExtensionElementProvider<ExtensionElement>> before = new HashMap<>();
        for (QName e : elements) {
            before.put(e, ProviderManager.getExtensionProvider(e.getLocalPart(), e.getNamespaceURI()));
            ProviderManager.addExtensionProvider(e.getLocalPart(), e.getNamespaceURI(), INSTANCE);
        }
        return before;
    }

    static void restore(Map<QName, ExtensionElementProvider<ExtensionElement>> before) {
        before.forEach((e, provider) -> {
            if (provider == null) ProviderManager.removeExtensionProvider(e.getLocalPart(), e.getNamespaceURI());
            else ProviderManager.addExtensionProvider(e.getLocalPart(), e.getNamespaceURI(), provider);
        });
    }
}
