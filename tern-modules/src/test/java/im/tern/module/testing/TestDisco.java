package im.tern.module.testing;

import im.tern.core.module.Disco;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

final class TestDisco implements Disco {
    private final Set<String> server = new CopyOnWriteArraySet<>();
    private final Set<String> account = new CopyOnWriteArraySet<>();
    private final List<Identity> identities = new CopyOnWriteArrayList<>();

    @Override
    public void serverFeature(String var) { server.add(var); }

    @Override
    public void accountFeature(String var) { account.add(var); }

    @Override
    public void serverIdentity(String category, String type, String name) { identities.add(new Identity(category, type, name)); }

    private final List<im.tern.xml.Element> extensions = new CopyOnWriteArrayList<>();

    @Override
    public void serverExtension(im.tern.xml.Element form) { extensions.add(form); }

    @Override
    public List<im.tern.xml.Element> serverExtensions() { return List.copyOf(extensions); }

    @Override
    public Set<String> serverFeatures() { return Set.copyOf(server); }

    @Override
    public Set<String> accountFeatures() { return Set.copyOf(account); }

    @Override
    public List<Identity> serverIdentities() { return List.copyOf(identities); }
}
