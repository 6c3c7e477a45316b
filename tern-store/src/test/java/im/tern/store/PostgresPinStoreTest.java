package im.tern.store;

@RequiresPostgres
class PostgresPinStoreTest extends PinStoreContract {
    private final PostgresSchema postgres;

    PostgresPinStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
