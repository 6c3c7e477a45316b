package im.tern.server.stream;

import im.tern.core.Jid;
import im.tern.core.Namespaces;
import im.tern.xml.StreamHeader;

/** RFC 6120 section 4.7 and 4.9.3: what a client's stream header must say, as the stream error when it does not. */
final class HeaderCheck {
    private HeaderCheck() {}

    /** The stream error condition for the header, or null when it is acceptable. */
    static String problem(StreamHeader header, Jid domain) {
        if (!"stream".equals(header.name()) || !Namespaces.STREAM.equals(header.namespace())) return "invalid-namespace";
        if (!Namespaces.CLIENT.equals(header.defaultNamespace())) return "invalid-namespace";
        Jid to = Jid.parse(header.attr("to"));
        if (to == null || !to.equals(domain)) return "host-unknown";
        if (!majorVersionIsOne(header.attr("version"))) return "unsupported-version";
        return null;
    }

    /** No version means pre-1.0 (RFC 6120 section 4.7.5), which we do not speak; 1.x is fine. */
    private static boolean majorVersionIsOne(String version) {
        if (version == null) return false;
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        return major.strip().equals("1");
    }
}
