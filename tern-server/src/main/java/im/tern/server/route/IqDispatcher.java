package im.tern.server.route;

import im.tern.core.Iq;
import im.tern.core.Stanza;
import im.tern.core.StanzaError;
import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers;
import im.tern.xml.Element;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the module handler for an IQ request and hands its reply on. A handler that throws, fails its
 * stage or returns nothing yields {@code internal-server-error}, so the client always gets an answer.
 */
public final class IqDispatcher {
    private static final Logger log = LoggerFactory.getLogger(IqDispatcher.class);

    private final IqHandlers handlers;

    public IqDispatcher(IqHandlers handlers) { this.handlers = handlers; }

    /** The handler for a get/set request to that target, or null (also for results, errors and bad types). */
    public IqHandler find(IqHandlers.Target target, Stanza request) {
        IqHandlers.Type type = typeOf(request);
        Element payload = Iq.payload(request);
        if (type == null || payload == null) return null;
        return handlers.find(target, type, payload.name(), payload.namespace());
    }

    /** Runs the handler; the stage completes once the reply was passed to {@code replies}. */
    public CompletionStage<Void> dispatch(IqHandler handler, Stanza request, Consumer<Stanza> replies) {
        CompletionStage<Stanza> stage;
        try {
            stage = handler.handle(request);
            if (stage == null) stage = CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.handle((reply, error) -> {
            if (error != null || reply == null) {
                if (error != null) log.warn("IQ handler failed for {}", request, error);
                else log.warn("IQ handler returned no reply for {}", request);
                reply = request.errorReply(StanzaError.INTERNAL_SERVER_ERROR);
            }
            replies.accept(reply);
            return null;
        });
    }

    public static IqHandlers.Type typeOf(Stanza iq) {
        String type = iq.type();
        if ("get".equals(type)) return IqHandlers.Type.GET;
        if ("set".equals(type)) return IqHandlers.Type.SET;
        return null;
    }
}
