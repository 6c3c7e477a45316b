package im.tern.store;

@RequiresPostgres
class PostgresLinkCodeStoreTest extends LinkCodeStoreContract {
    private final PostgresSchema postgres;

    PostgresLinkCodeStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
