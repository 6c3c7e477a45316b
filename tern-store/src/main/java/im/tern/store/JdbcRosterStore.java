package im.tern.store;

import im.tern.core.Jid;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rosters in {@code roster_items}/{@code roster_groups}. Writers lock the user's
 * {@code roster_versions} row first, so one user's changes are serial and each gets the next version.
 */
final class JdbcRosterStore implements RosterStore {
    private static final String ITEMS = "SELECT i.contact, i.name, i.subscription, i.ask_subscribe, g.group_name"
            + " FROM roster_items i LEFT JOIN roster_groups g ON g.username = i.username AND g.contact = i.contact"
            + " WHERE i.username = ?";

    private final Sql sql;
    private final String upsertPending;

    JdbcRosterStore(Sql sql) {
        this.sql = sql;
        this.upsertPending = sql.dialect().upsert("roster_pending_in", List.of("username", "contact"), List.of("presence"));
    }

    @Override
    public Roster roster(String user) {
        return sql.run(c -> {
            // Version first: should a write land in between, the items are newer than the version,
            // so a client caching them re-fetches later rather than missing a change.
            String version = Long.toString(version(c, user));
            return new Roster(items(c, ITEMS + " ORDER BY i.contact", user), version);
        });
    }

    @Override
    public Optional<RosterItem> item(String user, Jid contact) {
        return sql.run(c -> items(c, ITEMS + " AND i.contact = ?", user, contact.toString()).stream().findFirst());
    }

    @Override
    public String put(String user, RosterItem item) {
        return sql.transaction(c -> {
            long version = lockVersion(c, user);
            String contact = item.jid().toString();
            List<RosterItem> existing = items(c, ITEMS + " AND i.contact = ?", user, contact);
            if (existing.equals(List.of(item))) return Long.toString(version);
            String subscription = item.subscription().name().toLowerCase(Locale.ROOT);
            if (existing.isEmpty()) {
                Sql.update(c, "INSERT INTO roster_items (username, contact, name, subscription, ask_subscribe)"
                        + " VALUES (?, ?, ?, ?, ?)", user, contact, item.name(), subscription, item.askSubscribe());
            } else {
                Sql.update(c, "UPDATE roster_items SET name = ?, subscription = ?, ask_subscribe = ?"
                        + " WHERE username = ? AND contact = ?", item.name(), subscription, item.askSubscribe(), user, contact);
                Sql.update(c, "DELETE FROM roster_groups WHERE username = ? AND contact = ?", user, contact);
            }
            for (String group : item.groups()) {
                Sql.update(c, "INSERT INTO roster_groups (username, contact, group_name) VALUES (?, ?, ?)", user, contact, group);
            }
            return bump(c, user, version);
        });
    }

    @Override
    public String remove(String user, Jid contact) {
        return sql.transaction(c -> {
            long version = lockVersion(c, user);
            // Groups go with the item: ON DELETE CASCADE.
            int removed = Sql.update(c, "DELETE FROM roster_items WHERE username = ? AND contact = ?", user, contact.toString());
            return removed == 0 ? Long.toString(version) : bump(c, user, version);
        });
    }

    @Override
    public void addPendingIn(String user, Jid from, String presenceXml) {
        sql.update(upsertPending, user, from.toString(), presenceXml);
    }

    @Override
    public void removePendingIn(String user, Jid from) {
        sql.update("DELETE FROM roster_pending_in WHERE username = ? AND contact = ?", user, from.toString());
    }

    @Override
    public Map<Jid, String> pendingIn(String user) {
        Map<Jid, String> pending = new LinkedHashMap<>();
        sql.list("SELECT contact, presence FROM roster_pending_in WHERE username = ? ORDER BY contact",
                rs -> pending.put(Jid.of(rs.getString(1)), rs.getString(2)), user);
        return Collections.unmodifiableMap(pending);
    }

    @Override
    public void deleteAll(String user) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM roster_items WHERE username = ?", user);
            Sql.update(c, "DELETE FROM roster_pending_in WHERE username = ?", user);
            return Sql.update(c, "DELETE FROM roster_versions WHERE username = ?", user);
        });
    }

    @Override
    public Map<String, String> removeEverywhere(Jid account) {
        String bare = account.bare().toString();
        String fullJids = bare.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%";
        String naming = "(contact = ? OR contact LIKE ? ESCAPE '!')";
        List<String> holders = sql.list("SELECT DISTINCT username FROM roster_items WHERE " + naming + " ORDER BY username",
                rs -> rs.getString(1), bare, fullJids);
        Map<String, String> changed = new LinkedHashMap<>();
        for (String user : holders) {
            // One user at a time, under that user's version lock as every roster writer takes it.
            String version = sql.transaction(c -> {
                long v = lockVersion(c, user);
                int removed = Sql.update(c, "DELETE FROM roster_items WHERE username = ? AND " + naming, user, bare, fullJids);
                return removed == 0 ? null : bump(c, user, v);
            });
            if (version != null) changed.put(user, version);
        }
        sql.update("DELETE FROM roster_pending_in WHERE " + naming, bare, fullJids);
        return Collections.unmodifiableMap(changed);
    }

    private static long version(Connection c, String user) throws SQLException {
        return Sql.first(c, "SELECT version FROM roster_versions WHERE username = ?", rs -> rs.getLong(1), user).orElse(0L);
    }

    /** Locks the user's version row, creating it at 0 on the first write; returns the current version. */
    private static long lockVersion(Connection c, String user) throws SQLException {
        String select = "SELECT version FROM roster_versions WHERE username = ? FOR UPDATE";
        Optional<Long> version = Sql.first(c, select, rs -> rs.getLong(1), user);
        if (version.isPresent()) return version.get();
        Sql.update(c, "INSERT INTO roster_versions (username, version) VALUES (?, 0) ON CONFLICT DO NOTHING", user);
        return Sql.first(c, select, rs -> rs.getLong(1), user).orElseThrow();
    }

    private static String bump(Connection c, String user, long version) throws SQLException {
        Sql.update(c, "UPDATE roster_versions SET version = ? WHERE username = ?", version + 1, user);
        return Long.toString(version + 1);
    }

    /** Folds the item-per-group rows of {@link #ITEMS} into items, keeping the query's order. */
    private static List<RosterItem> items(Connection c, String query, Object... params) throws SQLException {
        Map<String, ItemRow> rows = new LinkedHashMap<>();
        Sql.list(c, query, rs -> rows.computeIfAbsent(rs.getString(1), k -> ItemRow.of(rs)).addGroup(rs.getString(5)), params);
        List<RosterItem> items = new ArrayList<>(rows.size());
        for (ItemRow row : rows.values()) items.add(row.item());
        return items;
    }

    private record ItemRow(String contact, String name, Subscription subscription, boolean ask, Set<String> groups) {
        static ItemRow of(ResultSet rs) {
            try {
                return new ItemRow(rs.getString(1), rs.getString(2),
                        Subscription.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getBoolean(4), new HashSet<>());
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }

        ItemRow addGroup(String group) {
            if (group != null) groups.add(group);
            return this;
        }

        RosterItem item() {
            return new RosterItem(Jid.of(contact), name, subscription, ask, groups);
        }
    }
}
