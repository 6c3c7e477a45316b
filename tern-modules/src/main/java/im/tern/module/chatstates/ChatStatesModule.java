package im.tern.module.chatstates;

import im.tern.core.Namespaces;
import im.tern.core.module.Events;
import im.tern.core.module.Hook;
import im.tern.core.module.Module;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Phase;
import im.tern.xml.Element;
import java.util.Set;

/** Announces chat states and drops undeliverable messages that carry nothing else. */
public final class ChatStatesModule implements Module {
    public static final String NAMESPACE = "http://jabber.org/protocol/chatstates";
    /** Payloads that may accompany a bare chat state without making it worth keeping. */
    private static final Set<String> INCIDENTAL = Set.of("urn:xmpp:hints", "urn:xmpp:sid:0");

    @Override
    public String name() { return "chatstates"; }

    @Override
    public void start(ModuleContext ctx) {
        ctx.disco().serverFeature(NAMESPACE);
        ctx.hooks().on(Events.UndeliverableMessage.class, Phase.BEFORE, e ->
                onlyChatState(e.stanza().element()) ? Hook.STOP : Hook.CONTINUE);
    }

    /** A message whose only payload is a chat state. */
    static boolean onlyChatState(Element message) {
        boolean state = false;
        for (Element child : message.elements()) {
            if (child.namespace().equals(NAMESPACE)) state = true;
            else if (child.is("thread", Namespaces.CLIENT)) continue;
            else if (!INCIDENTAL.contains(child.namespace())) return false;
        }
        return state;
    }
}
