package im.tern.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tern.core.auth.Credentials;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Opening, migrating and reopening a backend. */
public abstract class DatabaseContract {
    /** Opens the backend under test; every call in one test reaches the same data. */
    protected abstract Database openDatabase();

    /** A plain connection to the same data, to look at the migration history. */
    protected abstract Connection connect() throws SQLException;

    @Test
    void reopeningAppliesNoMigrationTwiceAndKeepsTheData() throws SQLException {
        try (Database db = openDatabase()) {
            db.store(UserStore.class).create("alice", Credentials.fromPassword("secret"));
        }
        long applied = appliedMigrations();

        try (Database db = openDatabase()) {
            assertThat(db.store(UserStore.class).exists("alice")).isTrue();
        }
        try (Database db = openDatabase()) {
            assertThat(db.store(UserStore.class).count()).isEqualTo(1);
        }

        assertThat(applied).isGreaterThanOrEqualTo(3);
        assertThat(appliedMigrations()).isEqualTo(applied);
    }

    @Test
    void everyStoreTypeIsOfferedAndUnknownOnesAreRefused() {
        try (Database db = openDatabase()) {
            assertThat(db.store(UserStore.class)).isNotNull();
            assertThat(db.store(RosterStore.class)).isNotNull();
            assertThat(db.store(DocumentStore.class)).isNotNull();
            assertThat(db.store(MessageStore.class)).isNotNull();
            assertThat(db.store(VerificationStore.class)).isNotNull();
            assertThat(db.store(PinStore.class)).isNotNull();
            assertThat(db.store(QuotaStore.class)).isNotNull();
            assertThat(db.store(DeviceStore.class)).isNotNull();
            assertThat(db.store(LinkCodeStore.class)).isNotNull();
            assertThat(db.store(PepStore.class)).isNotNull();
            assertThat(db.store(GroupStore.class)).isNotNull();
            assertThat(db.store(DiscoveryStore.class)).isNotNull();
            assertThat(db.store(ProfileStore.class)).isNotNull();
            assertThat(db.store(PrivacyStore.class)).isNotNull();
            assertThat(db.store(UploadStore.class)).isNotNull();
            assertThatThrownBy(() -> db.store(Runnable.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Runnable");
        }
    }

    private long appliedMigrations() throws SQLException {
        try (Connection c = connect(); var rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
