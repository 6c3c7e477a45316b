package im.tern.store;

@RequiresPostgres
class PostgresPrivacyStoreTest extends PrivacyStoreContract {
    private final PostgresSchema postgres;

    PostgresPrivacyStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
