package im.tern.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The few statements H2 and PostgreSQL spell differently; everything else is shared SQL. */
enum Dialect {
    /** H2 in PostgreSQL mode: it accepts {@code ON CONFLICT DO NOTHING} but not {@code DO UPDATE}. */
    H2 {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            return "MERGE INTO " + table + " (" + columns(keys, values) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + marks(keys.size() + values.size()) + ")";
        }

        @Override
        Map<String, String> placeholders() {
            return Map.of("ordered_text", "", "sequence_cache", "1000");
        }
    },
    POSTGRES {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            return "INSERT INTO " + table + " (" + columns(keys, values) + ") VALUES (" + marks(keys.size() + values.size())
                    + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + values.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        }

        @Override
        Map<String, String> placeholders() {
            // Byte order, as H2 sorts, whatever the database's locale: pages of users stay stable.
            return Map.of("ordered_text", "COLLATE \"C\"", "sequence_cache", "1");
        }
    };

    /** Insert or replace one row; parameters are the key columns, then the value columns. */
    abstract String upsert(String table, List<String> keys, List<String> values);

    /** Flyway placeholders for the shared migrations. */
    abstract Map<String, String> placeholders();

    private static String columns(List<String> keys, List<String> values) {
        return String.join(", ", keys) + ", " + String.join(", ", values);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
