package im.tern.store;

import java.sql.Connection;
import java.sql.SQLException;

@RequiresPostgres
class PostgresDatabaseTest extends DatabaseContract {
    private final PostgresSchema postgres;

    PostgresDatabaseTest(PostgresSchema postgres) {
        this.postgres = postgres;
    }

    @Override
    protected Database openDatabase() {
        return Database.open(postgres.config());
    }

    @Override
    protected Connection connect() throws SQLException {
        return postgres.connect();
    }
}
