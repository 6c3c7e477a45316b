package im.tern.bench.xml;

import im.tern.xml.StreamHeader;
import java.util.HashMap;
import java.util.Map;

/** The default namespace and prefix bindings in force at some point of a document. */
record Namespaces(String defaultNamespace, Map<String, String> prefixes) {
    static final String STREAMS = "http://etherx.jabber.org/streams";
    static final Namespaces CLIENT = new Namespaces("jabber:client", Map.of("stream", STREAMS, "xml", "http://www.w3.org/XML/1998/namespace"));

    static Namespaces of(StreamHeader header) {
        Map<String, String> prefixes = new HashMap<>(CLIENT.prefixes);
        for (Map.Entry<String, String> a : header.attributes().entrySet()) {
            if (a.getKey().startsWith("xmlns:")) prefixes.put(a.getKey().substring(6), a.getValue());
        }
        String def = header.defaultNamespace().isEmpty() ? CLIENT.defaultNamespace : header.defaultNamespace();
        return new Namespaces(def, Map.copyOf(prefixes));
    }

    Namespaces withDefault(String uri) {
        return new Namespaces(uri, prefixes);
    }

    Namespaces withPrefix(String prefix, String uri) {
        Map<String, String> copy = new HashMap<>(prefixes);
        copy.put(prefix, uri);
        return new Namespaces(defaultNamespace, copy);
    }

    String resolve(String prefix) {
        String uri = prefixes.get(prefix);
        return uri == null ? "" : uri;
    }
}
