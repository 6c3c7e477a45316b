package im.tern.server.module;

import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** IQ handlers keyed by target, type and payload; a second handler for the same key is a startup bug. */
public final class IqHandlerRegistry implements IqHandlers {
    private record Key(Target target, Type type, String element, String namespace) {}

    private final Map<Key, IqHandler> handlers = new ConcurrentHashMap<>();

    @Override
    public void on(Target target, Type type, String element, String namespace, IqHandler handler) {
        IqHandler previous = handlers.putIfAbsent(new Key(target, type, element, namespace), handler);
        if (previous != null) {
            throw new IllegalStateException("an IQ handler is already registered for " + target + " " + type
                    + " {" + namespace + "}" + element);
        }
    }

    @Override
    public IqHandler find(Target target, Type type, String element, String namespace) {
        return handlers.get(new Key(target, type, element, namespace));
    }
}
