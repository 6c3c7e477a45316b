package im.tern.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives.
 *
 * @param dataDir  embedded only: the directory holding the H2 files
 * @param jdbcUrl  PostgreSQL only
 * @param schema   PostgreSQL only, optional: a schema to create and use instead of the default one
 */
public record StoreConfig(Kind kind, Path dataDir, String jdbcUrl, String user, String password, int poolSize,
                          String schema) {
    public enum Kind { EMBEDDED, POSTGRES }

    public static final int DEFAULT_POOL_SIZE = 10;

    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EMBEDDED) Objects.requireNonNull(dataDir, "dataDir");
        if (kind == Kind.POSTGRES) Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }

    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig(Kind.EMBEDDED, dataDir, null, null, null, DEFAULT_POOL_SIZE, null);
    }

    public static StoreConfig postgres(String jdbcUrl, String user, String password) {
        return new StoreConfig(Kind.POSTGRES, null, jdbcUrl, user, password, DEFAULT_POOL_SIZE, null);
    }

    public StoreConfig withSchema(String schema) {
        return new StoreConfig(kind, dataDir, jdbcUrl, user, password, poolSize, schema);
    }

    public StoreConfig withPoolSize(int poolSize) {
        return new StoreConfig(kind, dataDir, jdbcUrl, user, password, poolSize, schema);
    }

    @Override
    public String toString() { // keeps the password out of logs
        return "StoreConfig[" + kind + ", " + (kind == Kind.EMBEDDED ? dataDir : jdbcUrl)
                + (schema == null ? "" : ", schema=" + schema) + ", poolSize=" + poolSize + "]";
    }
}
