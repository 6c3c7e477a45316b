package im.tern.module.ping;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.module.IqHandler;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Answers pings to the domain and to an account's bare JID with an empty result. */
public final class PingModule implements Module {
    public static final String NAMESPACE = "urn:xmpp:ping";
    public static final String ELEMENT = "ping";

    @Override
    public String name() { return "ping"; }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverFeature(NAMESPACE);
        ctx.disco().accountFeature(NAMESPACE);
        IqHandler pong = PingModule::pong;
        ctx.iq().serverGet(ELEMENT, NAMESPACE, pong);
        // The core only hands over IQs for accounts that exist, so no existence check here.
        ctx.iq().accountGet(ELEMENT, NAMESPACE, pong);
    }

    private static CompletionStage<Stanza> pong(Stanza request) {
        return CompletableFuture.completedFuture(Iq.result(request));
    }
}
