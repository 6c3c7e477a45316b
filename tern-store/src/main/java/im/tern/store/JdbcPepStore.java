package im.tern.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * PEP nodes in {@code pep_nodes} and their items in {@code pep_items}. Writes to a node lock its row, so
 * publications to one node are ordered and the item limit holds; creations lock the owner's row in
 * {@code pep_owners}, so the node limit holds.
 */
final class JdbcPepStore implements PepStore {
    /** A node with its newest item, which has the node's highest seq. */
    private static final String NODES = "SELECT n.node, n.config, i.item_id, i.xml, i.published_at, n.owner FROM pep_nodes n"
            + " LEFT JOIN pep_items i ON i.owner = n.owner AND i.node = n.node"
            + " AND i.seq = (SELECT MAX(j.seq) FROM pep_items j WHERE j.owner = n.owner AND j.node = n.node)";
    /** Owners per query when many are asked for at once, well under any driver's parameter limit. */
    private static final int CHUNK = 500;
    private static final String ITEM_COLUMNS = "item_id, xml, published_at";

    private final Sql sql;

    JdbcPepStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Map<String, List<Node>> nodes(Collection<String> owners, Collection<String> names) {
        Map<String, List<Node>> out = new TreeMap<>();
        List<String> all = List.copyOf(owners);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk);
            String where = " WHERE n.owner IN (" + marks(chunk.size()) + ")";
            if (!names.isEmpty()) {
                where += " AND n.node IN (" + marks(names.size()) + ")";
                params.addAll(names);
            }
            sql.list(NODES + where + " ORDER BY n.owner, n.node", rs -> {
                out.computeIfAbsent(rs.getString(6), k -> new ArrayList<>()).add(node(rs));
                return null;
            }, params.toArray());
        }
        return out;
    }

    @Override
    public Optional<Node> node(String owner, String name) {
        return sql.first(NODES + " WHERE n.owner = ? AND n.node = ?", JdbcPepStore::node, owner, name);
    }

    @Override
    public Creation create(String owner, String name, String config, int maxNodes) {
        return sql.transaction(c -> {
            Sql.update(c, "INSERT INTO pep_owners (owner) VALUES (?) ON CONFLICT DO NOTHING", owner);
            Sql.first(c, "SELECT owner FROM pep_owners WHERE owner = ? FOR UPDATE", rs -> true, owner);
            if (Sql.first(c, "SELECT node FROM pep_nodes WHERE owner = ? AND node = ?", rs -> true, owner, name).isPresent()) {
                return Creation.EXISTS;
            }
            long count = Sql.first(c, "SELECT COUNT(*) FROM pep_nodes WHERE owner = ?", rs -> rs.getLong(1), owner).orElse(0L);
            if (count >= maxNodes) return Creation.LIMIT_REACHED;
            Sql.update(c, "INSERT INTO pep_nodes (owner, node, config) VALUES (?, ?, ?)", owner, name, config);
            return Creation.CREATED;
        });
    }

    @Override
    public boolean configure(String owner, String name, String config, int keep) {
        return sql.transaction(c -> {
            if (!lockNode(c, owner, name)) return false;
            Sql.update(c, "UPDATE pep_nodes SET config = ? WHERE owner = ? AND node = ?", config, owner, name);
            trim(c, owner, name, keep);
            return true;
        });
    }

    @Override
    public boolean publish(String owner, String node, Item item, int keep) {
        return sql.transaction(c -> {
            if (!lockNode(c, owner, node)) return false;
            Sql.update(c, "DELETE FROM pep_items WHERE owner = ? AND node = ? AND item_id = ?", owner, node, item.id());
            Sql.update(c, "INSERT INTO pep_items (owner, node, item_id, published_at, xml) VALUES (?, ?, ?, ?, ?)",
                    owner, node, item.id(), item.published().toEpochMilli(), item.xml());
            trim(c, owner, node, keep);
            return true;
        });
    }

    @Override
    public List<Item> items(String owner, String node, List<String> ids, int max) {
        if (!ids.isEmpty()) {
            List<Object> params = new ArrayList<>(List.of(owner, node));
            params.addAll(ids);
            return sql.list("SELECT " + ITEM_COLUMNS + " FROM pep_items WHERE owner = ? AND node = ? AND item_id IN ("
                    + marks(ids.size()) + ") ORDER BY seq", JdbcPepStore::item, params.toArray());
        }
        List<Item> newestFirst = sql.list("SELECT " + ITEM_COLUMNS + " FROM pep_items WHERE owner = ? AND node = ?"
                + " ORDER BY seq DESC LIMIT ?", JdbcPepStore::item, owner, node, max);
        List<Item> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public boolean retract(String owner, String node, String id) {
        return sql.update("DELETE FROM pep_items WHERE owner = ? AND node = ? AND item_id = ?", owner, node, id) == 1;
    }

    @Override
    public boolean delete(String owner, String name) {
        return sql.transaction(c -> {
            Sql.update(c, "DELETE FROM pep_items WHERE owner = ? AND node = ?", owner, name);
            return Sql.update(c, "DELETE FROM pep_nodes WHERE owner = ? AND node = ?", owner, name) == 1;
        });
    }

    @Override
    public void deleteAll(String owner) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM pep_items WHERE owner = ?", owner);
            Sql.update(c, "DELETE FROM pep_nodes WHERE owner = ?", owner);
            return Sql.update(c, "DELETE FROM pep_owners WHERE owner = ?", owner);
        });
    }

    private static boolean lockNode(Connection c, String owner, String node) throws SQLException {
        return Sql.first(c, "SELECT node FROM pep_nodes WHERE owner = ? AND node = ? FOR UPDATE", rs -> true, owner, node)
                .isPresent();
    }

    /** Deletes all but the newest {@code keep} items: everything at or below the seq of the first one past them. */
    private static void trim(Connection c, String owner, String node, int keep) throws SQLException {
        Optional<Long> firstDropped = Sql.first(c, "SELECT seq FROM pep_items WHERE owner = ? AND node = ?"
                + " ORDER BY seq DESC LIMIT 1 OFFSET ?", rs -> rs.getLong(1), owner, node, Math.max(keep, 0));
        if (firstDropped.isPresent()) {
            Sql.update(c, "DELETE FROM pep_items WHERE owner = ? AND node = ? AND seq <= ?", owner, node, firstDropped.get());
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Node node(ResultSet rs) throws SQLException {
        String id = rs.getString(3);
        Item last = id == null ? null : new Item(id, rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)));
        return new Node(rs.getString(1), rs.getString(2), last);
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)));
    }
}
