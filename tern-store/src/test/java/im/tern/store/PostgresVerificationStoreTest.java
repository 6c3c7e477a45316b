package im.tern.store;

@RequiresPostgres
class PostgresVerificationStoreTest extends VerificationStoreContract {
    private final PostgresSchema postgres;

    PostgresVerificationStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
