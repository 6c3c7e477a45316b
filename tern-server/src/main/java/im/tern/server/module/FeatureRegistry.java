package im.tern.server.module;

import im.tern.core.module.StreamFeatures;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Post-authentication stream features that modules add beside resource binding. */
public final class FeatureRegistry implements StreamFeatures {
    private final List<Element> postAuth = new CopyOnWriteArrayList<>();

    @Override
    public void addPostAuth(Element feature) { postAuth.add(feature); }

    @Override
    public List<Element> postAuth() { return List.copyOf(postAuth); }
}
