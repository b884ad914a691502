package dev.hypersearch.scaleout;

import dev.hypersearch.PostgresTestSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh schema on the machine's PostgreSQL for tests that start worker processes, migrated by Flyway from
 * the test JVM before any process starts. Every call opens its own connection and retries while the
 * database is unreachable (up to a minute), so a test can keep polling through a PostgreSQL restart.
 */
public final class Pg implements AutoCloseable {

    public static final String USER = "postgres";

    public final String schema;

    private Pg(String schema) {
        this.schema = schema;
    }

    /** Creates and migrates a new schema in database {@code test}. */
    public static Pg freshSchema() {
        Pg pg = new Pg(PostgresTestSchema.newSchemaName());
        Flyway.configure().dataSource(PostgresTestSchema.URL, USER, "").schemas(pg.schema).defaultSchema(pg.schema)
                .placeholders(Map.of("json", "JSONB")).locations("classpath:db/migration").load().migrate();
        return pg;
    }

    /** The JDBC URL worker processes get (DATABASE_URL). */
    public String url() {
        return PostgresTestSchema.URL + "?currentSchema=" + schema;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T with(Work<T> work) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Connection c = DriverManager.getConnection(url(), USER, "")) {
                return work.run(c);
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                boolean unreachable = state.startsWith("08") || state.startsWith("57");
                if (!unreachable || System.nanoTime() > deadline) {
                    throw new IllegalStateException(e);
                }
                sleep(100);
            }
        }
    }

    public int update(String sql, Object... args) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    public long count(String sql, Object... args) {
        return ((Number) value(sql, args)).longValue();
    }

    public Object value(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        return with(c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        });
    }

    /** Trials of a search by status, e.g. {COMPLETED=2000}. */
    public Map<String, Long> statusCounts(long searchId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> r : rows("SELECT status, COUNT(*) AS n FROM trial WHERE search_id = ?"
                + " GROUP BY status ORDER BY status", searchId)) {
            counts.put((String) r.get("status"), ((Number) r.get("n")).longValue());
        }
        return counts;
    }

    public String searchStatus(long searchId) {
        return (String) value("SELECT status FROM search WHERE id = ?", searchId);
    }

    /** Makes the trial's lease run out now, as if its worker had not renewed it for lease-seconds. */
    public void expireLease(long trialId) {
        update("UPDATE trial SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1 second'"
                + " WHERE id = ? AND status = 'RUNNING'", trialId);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Drops the schema (the processes using it must be gone). */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(PostgresTestSchema.URL, USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop schema " + schema + ": " + e);
        }
    }
}
