package im.tern.server.module;

import im.tern.core.Jid;
import im.tern.core.module.Services;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The domains modules serve beside the server's own, and their handlers. */
public final class ServiceRegistry implements Services {
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    @Override
    public void serve(Jid domain, Handler handler) {
        if (!domain.isDomain()) throw new IllegalArgumentException("a service is served on a domain: " + domain);
        if (handlers.putIfAbsent(domain.domain(), handler) != null) {
            throw new IllegalStateException("already served: " + domain);
        }
    }

    /** The handler for stanzas to this domain, or null when no module serves it. */
    public Handler find(String domain) { return handlers.get(domain); }
}
