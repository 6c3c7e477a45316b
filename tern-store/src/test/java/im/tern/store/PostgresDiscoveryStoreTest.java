package im.tern.store;

@RequiresPostgres
class PostgresDiscoveryStoreTest extends DiscoveryStoreContract {
    private final PostgresSchema postgres;

    PostgresDiscoveryStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
