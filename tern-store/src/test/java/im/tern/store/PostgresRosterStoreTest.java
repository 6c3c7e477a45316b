package im.tern.store;

@RequiresPostgres
class PostgresRosterStoreTest extends RosterStoreContract {
    private final PostgresSchema postgres;

    PostgresRosterStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
