package im.tern.store;

import im.tern.store.PrivacySettings.Audience;
import im.tern.store.PrivacySettings.Setting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings in {@code privacy_settings}, one row per setting an account has set. A row naming a setting or
 * audience this version does not know (written by a newer one) is ignored: the default applies.
 */
final class JdbcPrivacyStore implements PrivacyStore {
    private final Sql sql;
    private final String upsert;

    JdbcPrivacyStore(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("privacy_settings", List.of("username", "setting"), List.of("audience"));
    }

    @Override
    public PrivacySettings get(String username) {
        Map<Setting, Audience> set = new EnumMap<>(Setting.class);
        sql.list("SELECT setting, audience FROM privacy_settings WHERE username = ?", rs -> {
            Setting setting = setting(rs.getString(1));
            Audience audience = Audience.fromWire(rs.getString(2));
            if (setting != null && audience != null) set.put(setting, audience);
            return null;
        }, username);
        return PrivacySettings.of(set);
    }

    @Override
    public void put(String username, PrivacySettings settings) {
        List<Object[]> rows = new ArrayList<>();
        settings.asMap().forEach((s, a) -> rows.add(new Object[] {username, s.name().toLowerCase(Locale.ROOT), a.wireName()}));
        // Every setting is written, each an upsert: concurrent writers need not delete each other's rows.
        sql.transaction(c -> {
            Sql.batch(c, upsert, rows);
            return null;
        });
    }

    @Override
    public void deleteAll(String username) {
        sql.update("DELETE FROM privacy_settings WHERE username = ?", username);
    }

    private static Setting setting(String name) {
        for (Setting s : Setting.values()) if (s.name().toLowerCase(Locale.ROOT).equals(name)) return s;
        return null;
    }
}
