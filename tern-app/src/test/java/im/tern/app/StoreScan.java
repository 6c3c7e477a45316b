package im.tern.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads every row of every table of a running server's embedded store (H2, opened beside the server as the admin
 * CLI does), the tables found in INFORMATION_SCHEMA so that a table added later is read too. For the
 * "account deletion leaves nothing behind" checks.
 */
final class StoreScan {
    /** One row that mentions what was looked for: its table and its columns (bytes read as UTF-8). */
    record Hit(String table, Map<String, String> row) {
        @Override
        public String toString() { return table + " " + row; }

        /** For scans that keep every hit. */
        boolean isNothing() { return false; }
    }

    private StoreScan() {}

    /** The rows in which any column contains {@code needle}, less those {@code allowed} lets stay. */
    static List<Hit> mentions(Path data, String needle, Predicate<Hit> allowed) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        // The server's own URL (EmbeddedH2): in this JVM it is the same open database.
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("tern")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "tern", ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            if (tables.size() < 10) throw new AssertionError("too few tables to be the store: " + tables);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        boolean mentions = false;
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            String text = value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(value);
                            row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), text);
                            if (text.contains(needle)) mentions = true;
                        }
                        Hit hit = new Hit(table.toLowerCase(java.util.Locale.ROOT), row);
                        if (mentions && !allowed.test(hit)) hits.add(hit);
                    }
                }
            }
        }
        return hits;
    }

    /** The tables with at least one mention. */
    static List<String> tables(List<Hit> hits) {
        return hits.stream().map(Hit::table).distinct().sorted().toList();
    }
}
