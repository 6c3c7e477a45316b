package im.tern.store;

@RequiresPostgres
class PostgresProfileStoreTest extends ProfileStoreContract {
    private final PostgresSchema postgres;

    PostgresProfileStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
