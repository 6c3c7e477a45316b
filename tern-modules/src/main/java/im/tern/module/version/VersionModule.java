package im.tern.module.version;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.xml.Element;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tells who asks the server which software it runs. The operating system is left out on purpose:
 * it helps attackers more than users.
 */
public final class VersionModule implements Module {
    public static final String NAMESPACE = "jabber:iq:version";
    public static final String NAME = "Tern";

    private final String version;

    public VersionModule(String version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The version from the jar manifest's Implementation-Version, or "dev" when run from classes. */
    public static VersionModule fromManifest() {
        String v = VersionModule.class.getPackage().getImplementationVersion();
        return new VersionModule(v == null ? "dev" : v);
    }

    @Override
    public String name() { return "version"; }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverFeature(NAMESPACE);
        ctx.iq().serverGet("query", NAMESPACE, this::answer);
    }

    private CompletionStage<Stanza> answer(Stanza request) {
        Element query = Element.builder("query", NAMESPACE)
                .textChild("name", NAME).textChild("version", version).build();
        return CompletableFuture.completedFuture(Iq.result(request, query));
    }
}
