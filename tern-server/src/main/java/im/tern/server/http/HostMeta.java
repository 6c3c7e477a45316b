package im.tern.server.http;

import im.tern.xml.Element;
import im.tern.xml.XmlWriter;
import java.util.regex.Pattern;

/**
 * XEP-0156 discovery of the WebSocket endpoint: {@code /.well-known/host-meta} (XRD) and
 * {@code host-meta.json}, pointing at {@code wss://HOST/xmpp-websocket} (or {@code ws://} when the port serves
 * plain HTTP behind a proxy) for the Host the client asked for.
 */
final class HostMeta {
    static final String REL = "urn:xmpp:alt-connections:websocket";
    private static final String XRD = "http://docs.oasis-open.org/ns/xri/xrd-1.0";
    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port: nothing to escape. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");

    private HostMeta() {}

    /** Whether a Host header may be echoed into the documents. */
    static boolean validHost(String host) { return host != null && HOST.matcher(host).matches(); }

    static String href(String host, boolean secure) { return (secure ? "wss://" : "ws://") + host + WebSocketPath.PATH; }

    static String xrd(String host, boolean secure) {
        Element doc = Element.builder("XRD", XRD)
                .child(Element.builder("Link", XRD).attr("rel", REL).attr("href", href(host, secure)).build())
                .build();
        StringBuilder sb = new StringBuilder(200).append("<?xml version='1.0' encoding='utf-8'?>\n");
        XmlWriter.write(doc, sb, null);
        return sb.toString();
    }

    static String json(String host, boolean secure) {
        return "{\"links\":[{\"rel\":\"" + REL + "\",\"href\":\"" + href(host, secure) + "\"}]}";
    }
}
