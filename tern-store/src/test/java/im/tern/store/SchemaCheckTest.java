package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckTest {
    @TempDir Path dir;

    @Test
    void newestBundledMigrationIsReadFromTheClassPath() {
        assertThat(SchemaCheck.newestBundled()).hasValue(17);
    }

    @Test
    void aFreshDatabaseIsNotUpToDateAndAMigratedOneIs() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(EmbeddedH2.url(dir));
        ds.setUser("tern");
        assertThat(SchemaCheck.upToDate(ds, null)).isFalse();
        Database.open(StoreConfig.embedded(dir)).close();
        assertThat(SchemaCheck.upToDate(ds, null)).isTrue();
    }

    @Test
    void aLowerMigrationArrivingAfterAHigherOneIsStillApplied() throws Exception {
        Database.open(StoreConfig.embedded(dir)).close();
        // As if V3 had come from a branch merged after V10 was applied here.
        try (var c = java.sql.DriverManager.getConnection(EmbeddedH2.url(dir), "tern", ""); var s = c.createStatement()) {
            s.execute("DELETE FROM flyway_schema_history WHERE version = '3'");
            s.execute("DROP TABLE documents");
        }
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(EmbeddedH2.url(dir));
        ds.setUser("tern");
        assertThat(SchemaCheck.upToDate(ds, null)).isFalse();

        try (Database db = Database.open(StoreConfig.embedded(dir))) {
            db.store(DocumentStore.class).put("alice", "k", "<x/>");
            assertThat(db.store(DocumentStore.class).get("alice", "k")).contains("<x/>");
        }
        assertThat(SchemaCheck.upToDate(ds, null)).isTrue();
    }
}
