package im.tern.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedUploadStoreTest extends UploadStoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Database openDatabase() {
        return Database.open(StoreConfig.embedded(dataDir));
    }
}
