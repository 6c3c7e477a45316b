package im.tern.store;

@RequiresPostgres
class PostgresDocumentStoreTest extends DocumentStoreContract {
    private final PostgresSchema postgres;

    PostgresDocumentStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
