package im.tern.core.module;

import im.tern.xml.Element;
import java.util.List;

/**
 * Stream features offered after authentication, beside resource binding: for example the roster
 * versioning {@code <ver/>} element (XEP-0237) or stream management.
 */
public interface StreamFeatures {
    void addPostAuth(Element feature);

    List<Element> postAuth();
}
