package im.tern.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells whether a database already holds every bundled migration, so a start can skip Flyway, whose
 * class loading and scanning cost about a second. Any doubt (no history table, a failed migration, an
 * unreadable class path) answers false, and Flyway runs as usual.
 */
final class SchemaCheck {
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("(?:^|/)V(\\d+)__[^/]+\\.sql$");

    private SchemaCheck() {}

    static boolean upToDate(javax.sql.DataSource db, String schema) {
        OptionalInt bundled = newestBundled();
        if (bundled.isEmpty()) return false;
        String table = (schema == null ? "" : "\"" + schema + "\".") + "\"flyway_schema_history\"";
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(cast(version as integer)), min(case when success then 1 else 0 end)"
                     + " from " + table + " where version is not null")) {
            return rs.next() && rs.getInt(1) == bundled.getAsInt() && rs.getInt(2) == 1;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The highest {@code V<n>__*.sql} under db/migration, from the jar or directory holding this class. */
    static OptionalInt newestBundled() {
        URL url = SchemaCheck.class.getClassLoader().getResource(LOCATION);
        if (url == null) return OptionalInt.empty();
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
                try (JarFile jar = new JarFile(Path.of(new java.net.URI("file:" + file)).toFile())) {
                    return newest(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(LOCATION + "/")));
                }
            }
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return newest(files.map(p -> p.getFileName().toString()));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private static OptionalInt newest(Stream<String> names) {
        return names.map(VERSIONED::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).max();
    }
}
