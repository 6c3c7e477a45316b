package im.tern.store;

@RequiresPostgres
class PostgresMessageStoreTest extends MessageStoreContract {
    private final PostgresSchema postgres;

    PostgresMessageStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
