package im.tern.store;

@RequiresPostgres
class PostgresGroupStoreTest extends GroupStoreContract {
    private final PostgresSchema postgres;

    PostgresGroupStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
