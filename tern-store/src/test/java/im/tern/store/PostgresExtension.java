package im.tern.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The machinery behind {@link RequiresPostgres}: one schema per test class. */
public final class PostgresExtension
        implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    static final String URL = env("TERN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("TERN_PG_USER", "postgres");
    static final String PASSWORD = env("TERN_PG_PASSWORD", "");

    /** Whether the server answered, checked once per test run. */
    private record Probe(String failure) {
        static Probe run() {
            DriverManager.setLoginTimeout(3);
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
                return new Probe(c.isValid(3) ? null : "PostgreSQL at " + URL + " accepted but did not answer");
            } catch (SQLException e) {
                return new Probe("PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage());
            }
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(probe(context).failure(), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    /** Skip without PostgreSQL, but under CI run on so that {@link #beforeAll} fails with the reason. */
    static ConditionEvaluationResult decide(String failure, boolean ci) {
        if (failure == null) return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        if (ci) return ConditionEvaluationResult.enabled("CI=true: PostgreSQL is required; the tests will fail");
        return ConditionEvaluationResult.disabled(failure + " (set TERN_PG_URL/TERN_PG_USER/TERN_PG_PASSWORD;"
                + " under CI=true this fails instead of skipping)");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String failure = probe(context).failure();
        if (failure != null) throw new IllegalStateException(failure);
        String name = "test_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        PostgresSchema schema = new PostgresSchema(URL, USER, PASSWORD, name.length() > 63 ? name.substring(name.length() - 63) : name);
        schema.create();
        context.getStore(NS).put(PostgresSchema.class, schema);
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        PostgresSchema schema = context.getStore(NS).get(PostgresSchema.class, PostgresSchema.class);
        if (schema != null) schema.truncate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        PostgresSchema schema = context.getStore(NS).remove(PostgresSchema.class, PostgresSchema.class);
        if (schema != null) schema.drop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(PostgresSchema.class, PostgresSchema.class);
    }

    private static Probe probe(ExtensionContext context) {
        return context.getRoot().getStore(NS).computeIfAbsent(Probe.class, k -> Probe.run(), Probe.class);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
