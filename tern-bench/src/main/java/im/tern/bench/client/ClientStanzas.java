package im.tern.bench.client;

import im.tern.xml.XmlWriter;

/** The XML a simulated client writes, as text. */
final class ClientStanzas {
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    static final String REGISTER = "jabber:iq:register";
    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    static final String BODY_PREFIX = "tern-bench ";

    private ClientStanzas() {}

    static String streamHeader(String domain) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + " to='" + attr(domain) + "' version='1.0' xml:lang='en'>";
    }

    static String startTls() {
        return "<starttls xmlns='" + TLS + "'/>";
    }

    static String auth(String mechanism, String base64) {
        return "<auth xmlns='" + SASL + "' mechanism='" + mechanism + "'>" + (base64.isEmpty() ? "=" : base64) + "</auth>";
    }

    static String response(String base64) {
        return "<response xmlns='" + SASL + "'>" + base64 + "</response>";
    }

    static String register(String username, String password) {
        return "<iq type='set' id='reg1'><query xmlns='" + REGISTER + "'><username>" + text(username)
                + "</username><password>" + text(password) + "</password></query></iq>";
    }

    static String bind(String resource) {
        return "<iq type='set' id='bind1'><bind xmlns='" + BIND + "'><resource>" + text(resource) + "</resource></bind></iq>";
    }

    static String presence() {
        return "<presence/>";
    }

    static String pong(String id, String to) {
        return "<iq type='result' id='" + attr(id) + "'" + (to == null ? "" : " to='" + attr(to) + "'") + "/>";
    }

    /** A one-to-one chat message whose body carries the send time, read back by the receiver. */
    static String chat(String to, long seq, long sentNanos) {
        return "<message to='" + attr(to) + "' type='chat' id='b" + seq + "'><body>" + BODY_PREFIX + sentNanos + "</body></message>";
    }

    static String closeStream() {
        return "</stream:stream>";
    }

    private static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        XmlWriter.escapeAttr(s, sb);
        return sb.toString();
    }

    private static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        XmlWriter.escapeText(s, sb);
        return sb.toString();
    }
}
