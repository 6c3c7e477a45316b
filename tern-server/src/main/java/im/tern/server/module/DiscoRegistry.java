package im.tern.server.module;

import im.tern.core.module.Disco;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The disco features and identities modules declare; read on every disco#info request, written at startup. */
public final class DiscoRegistry implements Disco {
    private final Set<String> serverFeatures = ConcurrentHashMap.newKeySet();
    private final Set<String> accountFeatures = ConcurrentHashMap.newKeySet();
    private final List<Identity> identities = new CopyOnWriteArrayList<>();

    @Override
    public void serverFeature(String var) { serverFeatures.add(var); }

    @Override
    public void accountFeature(String var) { accountFeatures.add(var); }

    @Override
    public void serverIdentity(String category, String type, String name) {
        identities.add(new Identity(category, type, name));
    }

    private final List<im.tern.xml.Element> extensions = new CopyOnWriteArrayList<>();

    @Override
    public void serverExtension(im.tern.xml.Element form) { extensions.add(form); }

    @Override
    public List<im.tern.xml.Element> serverExtensions() { return List.copyOf(extensions); }

    @Override
    public Set<String> serverFeatures() { return Set.copyOf(serverFeatures); }

    @Override
    public Set<String> accountFeatures() { return Set.copyOf(accountFeatures); }

    @Override
    public List<Identity> serverIdentities() { return List.copyOf(identities); }
}
