package im.tern.store;

@RequiresPostgres
class PostgresPepStoreTest extends PepStoreContract {
    private final PostgresSchema postgres;

    PostgresPepStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
