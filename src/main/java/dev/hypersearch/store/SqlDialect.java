package dev.hypersearch.store;

import dev.hypersearch.Role;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What differs between the two databases the service runs on: the claim statement, and whether a process can
 * know it is the database's only user. Everything else in the store is portable SQL.
 */
public enum SqlDialect {

    /**
     * H2 (2.x) evaluates FOR UPDATE with ORDER BY by reading every matching row before it sorts, so the portable
     * claim costs O(queued trials) there (1.2 ms at 2,000, measured) instead of one index step. Walking the claim
     * index (status, number, search_id) yields rows in exactly that order without the ORDER BY; the hint pins the
     * index, and the contract test of claim order runs on H2.
     */
    H2("SELECT " + Claim.COLUMNS + " FROM trial USE INDEX (trial_claim)"
            + " WHERE status = 'QUEUED' AND number <= ? FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", true, "? FORMAT JSON",
            "SELECT NEXT VALUE FOR trial_seq FROM SYSTEM_RANGE(1, ?)"),

    POSTGRESQL("SELECT " + Claim.COLUMNS + " FROM trial WHERE status = 'QUEUED' AND number <= ?"
            + " ORDER BY number, search_id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", false, "CAST(? AS jsonb)",
            "SELECT nextval('trial_seq') FROM generate_series(1, ?)");

    private final String claimSql;
    private final boolean embedded;
    private final String jsonParameter;
    private final String trialIdsSql;

    SqlDialect(String claimSql, boolean embedded, String jsonParameter, String trialIdsSql) {
        this.claimSql = claimSql;
        this.embedded = embedded;
        this.jsonParameter = jsonParameter;
        this.trialIdsSql = trialIdsSql;
    }

    /** {@code ?} values of trial_seq in one query (each stands for a block of 50 trial ids). */
    String trialIdsSql() {
        return trialIdsSql;
    }

    /** H2's hint naming the index a query reads (H2 otherwise sorts when it picked another); nothing elsewhere. */
    String indexHint(String index) {
        return this == H2 && index != null ? " USE INDEX (" + index + ")" : "";
    }

    /** Whether this is PostgreSQL, whose LISTEN/NOTIFY tells other processes of trials ending. */
    public boolean notifies() {
        return this == POSTGRESQL;
    }

    /** A JSON column's value bound as text: H2 reads it as a JSON document only with FORMAT JSON. */
    String jsonParameter() {
        return jsonParameter;
    }

    /**
     * The locking read of a claim (index trial_claim): the queued trial with the lowest number across all
     * searches, up to the number bound as its one parameter, with its parameters and its search's status.
     */
    String claimSql() {
        return claimSql;
    }

    /**
     * Whether a process that runs both the API and workers on this database is its only user: the embedded
     * database belongs to one process, so at its startup every RUNNING trial is an orphan of a dead one.
     * On a shared database other processes may be running their trials.
     */
    public boolean isOnlyProcess(Role role) {
        return embedded && role == Role.ALL;
    }

    /** The dialect of the database behind {@code dataSource}, by its product name. */
    public static SqlDialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return of(product);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    static SqlDialect of(String productName) {
        if ("H2".equals(productName)) {
            return H2;
        }
        if ("PostgreSQL".equals(productName)) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database: " + productName + " (H2 or PostgreSQL)");
    }

    /** Columns of a claim, shared by both statements. */
    private static final class Claim {
        /**
         * The claimed row with its parameters, and its search's status by a scalar subquery: not in FROM, so the
         * search row is read, not locked (claimers of one search never queue behind each other on it).
         */
        static final String COLUMNS = "id, search_id, number, attempt, params,"
                + " (SELECT s.status FROM search s WHERE s.id = trial.search_id)";
    }
}
