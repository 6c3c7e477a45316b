package im.tern.app;

import im.tern.store.Database;
import im.tern.store.StoreConfig;

/** Opens the store the configuration names. */
final class Stores {
    private Stores() {}

    static Database open(TernConfig cfg) {
        return switch (cfg.store.kind) {
            case "embedded" -> Database.open(StoreConfig.embedded(cfg.data));
            case "postgres" -> {
                if (cfg.store.url == null) throw new IllegalArgumentException("store.url is required for the postgres store");
                yield Database.open(StoreConfig.postgres(cfg.store.url, cfg.store.user, cfg.store.password));
            }
            default -> throw new IllegalArgumentException("store.kind must be 'embedded' or 'postgres', not '" + cfg.store.kind + "'");
        };
    }
}
