package im.tern.server.module;

import im.tern.core.module.StreamFeatures;
import im.tern.xml.Element;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stream features that modules add beside the SASL mechanisms and beside resource binding. */
public final class FeatureRegistry implements StreamFeatures {
    private final List<Element> postAuth = new CopyOnWriteArrayList<>();
    private final List<Element> preAuth = new CopyOnWriteArrayList<>();

    @Override
    public void addPreAuth(Element feature) { preAuth.add(feature); }

    @Override
    public List<Element> preAuth() { return List.copyOf(preAuth); }

    @Override
    public void addPostAuth(Element feature) { postAuth.add(feature); }

    @Override
    public List<Element> postAuth() { return List.copyOf(postAuth); }
}
