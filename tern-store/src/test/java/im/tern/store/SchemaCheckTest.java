package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckTest {
    @TempDir Path dir;

    @Test
    void newestBundledMigrationIsReadFromTheClassPath() {
        assertThat(SchemaCheck.newestBundled()).hasValue(4);
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
}
