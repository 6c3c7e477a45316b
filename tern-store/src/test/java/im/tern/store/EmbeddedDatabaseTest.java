package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest extends DatabaseContract {
    @TempDir
    Path dataDir;

    @Override
    protected Database openDatabase() {
        return Database.open(StoreConfig.embedded(dataDir));
    }

    @Test
    void firstStartCreatesTheDataDirectory() {
        Path fresh = dataDir.resolve("var").resolve("tern");
        try (Database db = Database.open(StoreConfig.embedded(fresh))) {
            assertThat(db.store(UserStore.class).count()).isZero();
        }
        assertThat(fresh.resolve("tern.mv.db")).exists();
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedH2.url(dataDir), "tern", "");
    }
}
