package dev.hypersearch.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trial ids for rows created one at a time (a claim creating its trial): {@code trial_seq} read as Hibernate's
 * pooled optimizer reads it, one value v standing for the block of ids v-49..v (ids start at 1), so a process
 * asks the sequence once per 50 trials and never hands out an id another process (or a batch insert) holds.
 * A block's unused ids are lost when the process stops: ids are unique, not dense.
 */
final class TrialIds {

    private static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private long next;
    private long last = -1;

    TrialIds(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    synchronized long next() {
        if (next > last) {
            Long v = jdbc.queryForObject(dialect.trialIdsSql(), Long.class, 1);
            next = Math.max(1, v - BLOCK + 1);
            last = v;
        }
        return next++;
    }
}
