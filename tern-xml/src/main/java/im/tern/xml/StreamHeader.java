package im.tern.xml;

import java.util.Map;

/**
 * The opening tag of a stream: {@code <stream:stream>} (or {@code <open/>} over WebSocket).
 *
 * @param name             local name of the root element
 * @param namespace        its namespace URI
 * @param defaultNamespace the default namespace declared on it (content namespace, e.g. jabber:client), or ""
 * @param attributes       its attributes by name; {@code xml:lang} under that name
 */
public record StreamHeader(String name, String namespace, String defaultNamespace, Map<String, String> attributes) {
    public String attr(String key) { return attributes.get(key); }
}
