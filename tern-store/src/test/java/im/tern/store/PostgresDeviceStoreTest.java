package im.tern.store;

@RequiresPostgres
class PostgresDeviceStoreTest extends DeviceStoreContract {
    private final PostgresSchema postgres;

    PostgresDeviceStoreTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }
}
