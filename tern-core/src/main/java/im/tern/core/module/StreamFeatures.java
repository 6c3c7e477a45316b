package im.tern.core.module;

import im.tern.xml.Element;
import java.util.List;

/**
 * Stream features modules add: after authentication, beside resource binding (the roster versioning
 * {@code <ver/>} element of XEP-0237, stream management); before it, beside the SASL mechanisms
 * (XEP-0077's {@code <register/>}).
 */
public interface StreamFeatures {
    void addPostAuth(Element feature);

    List<Element> postAuth();

    /** A feature offered where the SASL mechanisms are (so after STARTTLS when TLS is required). */
    void addPreAuth(Element feature);

    List<Element> preAuth();
}
