package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * H2 once bound constraint expressions using IN (...) to the session that created them: after the migrating
 * connection closed, every write of a trial failed with "Check constraint invalid". Writes through a fresh
 * connection after the migration's is closed must work, and impossible states must still be refused.
 */
class H2ChecksAfterMigrationTest {

    @Test
    void checksStillWorkAfterTheMigratingConnectionIsClosed() throws SQLException {
        String url = "jdbc:h2:mem:checks-after-migration;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").placeholders(Map.of("json", "JSON")).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Statement s = c.createStatement();
            s.executeUpdate("INSERT INTO search (name, dataset, strategy, status, spec, seed, trial_count, created_at)"
                    + " VALUES ('s', 'iris', 'grid', 'RUNNING', JSON '{}', 1, 2, CURRENT_TIMESTAMP)");
            s.executeUpdate("INSERT INTO trial (id, search_id, number, params, status, queued_at) VALUES"
                    + " (1, 1, 0, JSON '{}', 'QUEUED', CURRENT_TIMESTAMP), (2, 1, 1, JSON '{}', 'QUEUED', CURRENT_TIMESTAMP)");
            assertThat(s.executeUpdate("UPDATE trial SET status = 'RUNNING', worker_id = 'w', attempt = 1,"
                    + " lease_expires_at = CURRENT_TIMESTAMP WHERE id = 1")).isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE trial SET status = 'COMPLETED', lease_expires_at = NULL,"
                    + " finished_at = CURRENT_TIMESTAMP WHERE id = 1")).isEqualTo(1);
            assertThat(s.executeUpdate("UPDATE trial SET status = 'CANCELLED', finished_at = CURRENT_TIMESTAMP"
                    + " WHERE id = 2")).isEqualTo(1);
            assertThatThrownBy(() -> s.executeUpdate("UPDATE trial SET status = 'DONE' WHERE id = 2"))
                    .hasMessageContaining("TRIAL_STATUS_KNOWN").hasMessageContaining("violation");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE trial SET finished_at = NULL WHERE id = 2"))
                    .hasMessageContaining("TRIAL_FINISHED_HAS_TIME").hasMessageContaining("violation");
        }
    }
}
