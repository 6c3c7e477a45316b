package im.tern.store;

import java.util.List;
import java.util.Optional;

/** Profiles in {@code profiles}, one row per account that set anything. */
final class JdbcProfileStore implements ProfileStore {
    private final Sql sql;
    private final String upsert;

    JdbcProfileStore(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("profiles", List.of("username"), List.of("display_name", "about"));
    }

    @Override
    public Optional<Profile> get(String username) {
        return sql.first("SELECT display_name, about FROM profiles WHERE username = ?",
                rs -> new Profile(rs.getString(1), rs.getString(2)), username);
    }

    @Override
    public void put(String username, Profile profile) {
        sql.update(upsert, username, profile.displayName(), profile.about());
    }

    @Override
    public void deleteAll(String username) {
        sql.update("DELETE FROM profiles WHERE username = ?", username);
    }
}
