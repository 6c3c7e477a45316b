package im.tern.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;

/**
 * An open backend: a connection pool on which the shared migrations have run, and the stores on it.
 * Thread-safe; open one per process and close it on shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Map<Class<?>, Function<Sql, ?>> STORES = Map.ofEntries(
            Map.entry(UserStore.class, JdbcUserStore::new),
            Map.entry(RosterStore.class, JdbcRosterStore::new),
            Map.entry(DocumentStore.class, JdbcDocumentStore::new),
            Map.entry(MessageStore.class, JdbcMessageStore::new),
            Map.entry(VerificationStore.class, JdbcVerificationStore::new),
            Map.entry(PinStore.class, JdbcPinStore::new),
            Map.entry(QuotaStore.class, JdbcQuotaStore::new),
            Map.entry(DeviceStore.class, JdbcDeviceStore::new),
            Map.entry(LinkCodeStore.class, JdbcLinkCodeStore::new),
            Map.entry(PepStore.class, JdbcPepStore::new),
            Map.entry(GroupStore.class, JdbcGroupStore::new),
            Map.entry(DiscoveryStore.class, JdbcDiscoveryStore::new),
            Map.entry(ProfileStore.class, JdbcProfileStore::new),
            Map.entry(UploadStore.class, JdbcUploadStore::new),
            // Every presence between two accounts asks for the sender's settings: cached.
            Map.entry(PrivacyStore.class, sql -> new CachingPrivacyStore(new JdbcPrivacyStore(sql))));

    private final HikariDataSource dataSource;
    private final Map<Class<?>, Object> stores;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        Sql sql = new Sql(dataSource, dialect);
        this.stores = STORES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().apply(sql)));
    }

    /** Opens the backend and brings its schema up to date; fails fast when it cannot be reached. */
    public static Database open(StoreConfig config) {
        Dialect dialect = config.kind() == StoreConfig.Kind.EMBEDDED ? Dialect.H2 : Dialect.POSTGRES;
        HikariConfig hikari = config.kind() == StoreConfig.Kind.EMBEDDED
                ? EmbeddedH2.hikari(config.dataDir()) : new HikariConfig();
        if (config.kind() == StoreConfig.Kind.POSTGRES) {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
            if (config.schema() != null) hikari.setSchema(config.schema());
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("tern-store");
        // The pool opens first and keeps the embedded database open while migrations run beside it.
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            if (!SchemaCheck.upToDate(pool, config.schema())) migrate(hikari, config.schema(), dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    /**
     * Runs the migrations on connections of their own: Flyway holds two at once, which a pool of
     * one (as the CLI uses) could never give it.
     */
    private static void migrate(HikariConfig target, String schema, Dialect dialect) {
        var flyway = Flyway.configure()
                .dataSource(target.getJdbcUrl(), target.getUsername(), target.getPassword())
                .locations("classpath:db/migration")
                .outOfOrder(true) // a lower version from a parallel branch may land after a higher one
                .placeholders(dialect.placeholders());
        if (schema != null) flyway.schemas(schema);
        flyway.load().migrate();
    }

    /** The store of that type; throws {@link IllegalArgumentException} when this backend has none. */
    public <T> T store(Class<T> type) {
        Object store = stores.get(type);
        if (store == null) throw new IllegalArgumentException("no store of type " + type.getName());
        return type.cast(store);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
