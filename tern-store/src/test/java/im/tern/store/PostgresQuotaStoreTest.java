package im.tern.store;

@RequiresPostgres
class PostgresQuotaStoreTest extends QuotaStoreContract {
    private final PostgresSchema postgres;

    PostgresQuotaStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
