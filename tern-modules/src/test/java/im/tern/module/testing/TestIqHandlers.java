package im.tern.module.testing;

import im.tern.core.module.IqHandler;
import im.tern.core.module.IqHandlers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** IQ handlers by target, type and payload; a second handler for the same key is a start-up bug. */
final class TestIqHandlers implements IqHandlers {
    private record Key(Target target, Type type, String element, String namespace) {}

    private final Map<Key, IqHandler> handlers = new ConcurrentHashMap<>();

    @Override
    public void on(Target target, Type type, String element, String namespace, IqHandler handler) {
        if (handlers.putIfAbsent(new Key(target, type, element, namespace), handler) != null) {
            throw new IllegalStateException("two handlers for " + target + " " + type + " {" + namespace + "}" + element);
        }
    }

    @Override
    public IqHandler find(Target target, Type type, String element, String namespace) {
        return handlers.get(new Key(target, type, element, namespace));
    }
}
