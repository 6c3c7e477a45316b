package im.tern.server.module;

import im.tern.core.Jid;
import im.tern.core.http.HttpApi;
import im.tern.core.module.Disco;
import im.tern.core.module.Hooks;
import im.tern.core.module.IqHandlers;
import im.tern.core.module.ModuleContext;
import im.tern.core.module.Router;
import im.tern.core.module.Services;
import im.tern.core.module.Sessions;
import im.tern.core.module.StreamFeatures;
import im.tern.store.Database;
import java.time.Clock;
import java.util.concurrent.Executor;

/** What one module sees of the server; the registries are shared, the record is per module for its logs. */
public record ServerModuleContext(String moduleName, Jid domain, Disco disco, IqHandlers iq,
                                  StreamFeatures streamFeatures, Hooks hooks, Router router, Services services, Sessions sessions,
                                  HttpApi http, Database database, Executor blocking, Clock clock)
        implements ModuleContext {
    @Override
    public <T> T store(Class<T> type) { return database.store(type); }
}
