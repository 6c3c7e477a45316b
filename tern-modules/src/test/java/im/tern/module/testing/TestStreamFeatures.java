package im.tern.module.testing;

import im.tern.core.module.StreamFeatures;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class TestStreamFeatures implements StreamFeatures {
    private final List<Element> postAuth = new CopyOnWriteArrayList<>();

    @Override
    public void addPostAuth(Element feature) { postAuth.add(feature); }

    @Override
    public List<Element> postAuth() { return List.copyOf(postAuth); }
}
