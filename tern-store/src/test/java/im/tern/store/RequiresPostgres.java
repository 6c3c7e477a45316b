package im.tern.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against PostgreSQL in a fresh schema, dropped afterwards; tables are emptied
 * after each test. Inject {@link PostgresSchema} into the constructor or a method.
 *
 * <p>When PostgreSQL cannot be reached the class is skipped with the reason, except under
 * {@code CI=true}, where it fails. The server is {@code TERN_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code TERN_PG_USER} (default {@code postgres}),
 * {@code TERN_PG_PASSWORD} (default empty).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
@Tag("postgres")
public @interface RequiresPostgres {
}
