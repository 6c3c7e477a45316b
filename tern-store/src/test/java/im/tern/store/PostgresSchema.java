package im.tern.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A throwaway schema on the test PostgreSQL server. */
public record PostgresSchema(String url, String user, String password, String schema) {
    /** Small pools: several engineers' test runs share one server. */
    static final int POOL_SIZE = 4;

    /** The store configuration for this schema. */
    public StoreConfig config() {
        return StoreConfig.postgres(url, user, password).withSchema(schema).withPoolSize(POOL_SIZE);
    }

    /** A plain connection whose search path is this schema. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setSchema(schema);
        return c;
    }

    void create() throws SQLException {
        execute("CREATE SCHEMA " + quoted());
    }

    void drop() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + quoted() + " CASCADE");
    }

    /** Empties every table but the migration history, so each test starts from a migrated, empty schema. */
    void truncate() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             var ps = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                     + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
            ps.setString(1, schema);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) tables.add(quoted() + ".\"" + rs.getString(1) + "\"");
            }
        }
        if (!tables.isEmpty()) execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String quoted() {
        return "\"" + schema.replace("\"", "\"\"") + "\"";
    }
}
