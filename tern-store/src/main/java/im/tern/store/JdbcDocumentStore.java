package im.tern.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Documents in the {@code documents} table, one row per account and key. */
final class JdbcDocumentStore implements DocumentStore {
    private final Sql sql;
    private final String upsert;

    JdbcDocumentStore(Sql sql) {
        this.sql = sql;
        this.upsert = sql.dialect().upsert("documents", List.of("username", "doc_key"), List.of("xml"));
    }

    @Override
    public Optional<String> get(String user, String key) {
        return sql.first("SELECT xml FROM documents WHERE username = ? AND doc_key = ?", rs -> rs.getString(1), user, key);
    }

    @Override
    public void put(String user, String key, String xml) {
        sql.update(upsert, user, key, Objects.requireNonNull(xml, "xml"));
    }

    @Override
    public boolean delete(String user, String key) {
        return sql.update("DELETE FROM documents WHERE username = ? AND doc_key = ?", user, key) == 1;
    }

    @Override
    public void deleteAll(String user) {
        sql.update("DELETE FROM documents WHERE username = ?", user);
    }
}
