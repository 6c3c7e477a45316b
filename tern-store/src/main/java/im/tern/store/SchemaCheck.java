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
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
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
        Set<Integer> bundled = bundled();
        if (bundled.isEmpty()) return false;
        String table = (schema == null ? "" : "\"" + schema + "\".") + "\"flyway_schema_history\"";
        Set<Integer> applied = new HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select cast(version as integer), success from " + table + " where version is not null")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) return false;
                applied.add(rs.getInt(1));
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
        // Every bundled version, not just the newest: migrations written on parallel branches (V4 beside V10)
        // may arrive after a higher one was applied, and must still run.
        return applied.containsAll(bundled);
    }

    /** The highest {@code V<n>__*.sql} under db/migration, from the jar or directory holding this class. */
    static OptionalInt newestBundled() {
        return bundled().stream().mapToInt(Integer::intValue).max();
    }

    /** The versions of every {@code V<n>__*.sql} under db/migration; empty when they cannot be read. */
    static Set<Integer> bundled() {
        URL url = SchemaCheck.class.getClassLoader().getResource(LOCATION);
        if (url == null) return Set.of();
        try {
            if (url.getProtocol().equals("jar")) {
                String file = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
                try (JarFile jar = new JarFile(Path.of(new java.net.URI("file:" + file)).toFile())) {
                    return versions(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(LOCATION + "/")));
                }
            }
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return versions(files.map(p -> p.getFileName().toString()));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }

    private static Set<Integer> versions(Stream<String> names) {
        return names.map(VERSIONED::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
