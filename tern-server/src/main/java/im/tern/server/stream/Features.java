package im.tern.server.stream;

import im.tern.core.Namespaces;
import im.tern.server.sm.Sm;
import im.tern.xml.Element;
import java.util.List;

/** The {@code <stream:features/>} offered at each step of negotiation (RFC 6120 sections 5, 6, 7). */
final class Features {
    private Features() {}

    /** Before authentication: STARTTLS unless secure, and the mechanisms unless TLS must come first. */
    static Element beforeAuth(boolean secure, boolean canStartTls, boolean tlsRequired, List<String> mechanisms,
                             List<Element> fromModules) {
        Element.Builder f = features();
        if (!secure && canStartTls) {
            Element.Builder tls = Element.builder("starttls", Namespaces.TLS);
            if (tlsRequired) tls.child(Element.empty("required", Namespaces.TLS));
            f.child(tls.build());
        }
        if (secure || !tlsRequired) {
            Element.Builder m = Element.builder("mechanisms", Namespaces.SASL);
            for (String name : mechanisms) m.textChild("mechanism", name);
            f.child(m.build());
            for (Element e : fromModules) f.child(e);
        }
        return f.build();
    }

    /** After authentication: resource binding, the legacy session (optional), and what modules add. */
    static Element afterAuth(List<Element> fromModules) {
        Element.Builder f = features()
                .child(Element.empty("bind", Namespaces.BIND))
                .child(Element.builder("session", Namespaces.SESSION).child(Element.empty("optional", Namespaces.SESSION)).build())
                .child(Sm.FEATURE);
        for (Element e : fromModules) f.child(e);
        return f.build();
    }

    private static Element.Builder features() { return Element.builder("features", Namespaces.STREAM); }
}
