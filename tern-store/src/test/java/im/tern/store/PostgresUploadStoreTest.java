package im.tern.store;

@RequiresPostgres
class PostgresUploadStoreTest extends UploadStoreContract {
    private final PostgresSchema postgres;

    PostgresUploadStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
