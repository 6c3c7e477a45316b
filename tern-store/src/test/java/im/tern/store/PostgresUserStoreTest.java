package im.tern.store;

@RequiresPostgres
class PostgresUserStoreTest extends UserStoreContract {
    private final PostgresSchema postgres;

    PostgresUserStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
