package im.tern.core.module;

import im.tern.core.Stanza;
import java.util.concurrent.CompletionStage;

/**
 * Answers one kind of IQ request. The request's {@code from} is the stamped sender; its {@code to}
 * is the entity it was addressed to (the domain, or an account's bare JID, never null). The handler
 * returns the full reply stanza (a result or an error); the core routes it. Handlers that need
 * storage complete the stage from {@link ModuleContext#blocking()}.
 */
@FunctionalInterface
public interface IqHandler {
    CompletionStage<Stanza> handle(Stanza request);
}
