package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts trials QUEUED (and a coarse-to-fine stage's row) in the caller's transaction with plain JDBC: one
 * multi-row INSERT of {@value #ROWS} trials prepared once and run in batches, parameters read from the list one
 * at a time (a lazy list, {@link FirstTrials}, never holds them all), so a 1,000,000-trial grid goes in with
 * flat memory. Hibernate's per-entity path (an entity, a JSON conversion and a context entry per trial) took
 * 10-46 s and gigabytes for 100,000. Ids come from {@code trial_seq} in blocks of 50 as Hibernate's pooled
 * optimizer reads them (value v stands for ids v-49..v), fetched {@value #ID_VALUES_PER_QUERY} values a query.
 */
@Component
class TrialInserts {

    private static final int ROWS = 50;
    private static final int CHUNKS_PER_BATCH = 20;
    private static final int ID_BLOCK = 50;
    private static final int ID_VALUES_PER_QUERY = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TrialCounters counters;

    TrialInserts(EntityManager entityManager, JdbcTemplate jdbc, SqlDialect dialect, TrialCounters counters) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.counters = counters;
    }

    void trials(long searchId, int firstNumber, Integer stage, List<TrialParams> params, Instant now) {
        entityManager.flush(); // the search row (saved through JPA) goes first: trials reference it
        counters.create(searchId);
        OffsetDateTime queuedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            insert(c, searchId, firstNumber, stage, params, queuedAt);
            return null;
        });
        counters.apply(searchId, TrialStatus.QUEUED, params.size());
    }

    void stage(long searchId, StageTrials s, Instant now) {
        entityManager.persist(new SearchStageEntity(searchId, s.stage(), s.space(), s.firstTrial(), s.params().size(),
                now));
        trials(searchId, s.firstTrial(), s.stage(), s.params(), now);
    }

    private void insert(Connection c, long searchId, int firstNumber, Integer stage, List<TrialParams> params,
                        OffsetDateTime queuedAt) throws SQLException {
        Ids ids = new Ids(c);
        int n = params.size();
        int full = n / ROWS;
        try (PreparedStatement ps = c.prepareStatement(sql(ROWS))) {
            for (int chunk = 0; chunk < full; chunk++) {
                bindRows(ps, ids, searchId, firstNumber, stage, params, chunk * ROWS, ROWS, queuedAt);
                ps.addBatch();
                if (chunk % CHUNKS_PER_BATCH == CHUNKS_PER_BATCH - 1) {
                    ps.executeBatch();
                }
            }
            if (full % CHUNKS_PER_BATCH != 0) {
                ps.executeBatch();
            }
        }
        int rest = n - full * ROWS;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(rest))) {
                bindRows(ps, ids, searchId, firstNumber, stage, params, full * ROWS, rest, queuedAt);
                ps.executeUpdate();
            }
        }
    }

    private void bindRows(PreparedStatement ps, Ids ids, long searchId, int firstNumber, Integer stage,
                          List<TrialParams> params, int from, int count, OffsetDateTime queuedAt) throws SQLException {
        int p = 1;
        for (int k = from; k < from + count; k++) {
            TrialParams tp = params.get(k);
            ps.setLong(p++, ids.next());
            ps.setLong(p++, searchId);
            ps.setInt(p++, firstNumber + k);
            if (tp == null) {
                ps.setNull(p++, Types.VARCHAR);
            } else {
                ps.setString(p++, JSON.writeValueAsString(tp));
            }
            ps.setObject(p++, queuedAt);
            ps.setObject(p++, stage, Types.INTEGER);
        }
    }

    private String sql(int rows) {
        String row = "(?, ?, ?, " + dialect.jsonParameter() + ", 'QUEUED', ?, ?)";
        return "INSERT INTO trial (id, search_id, number, params, status, queued_at, stage) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    /** Trial ids from the sequence, a query per {@value #ID_VALUES_PER_QUERY} blocks. */
    private final class Ids {
        private final Connection c;
        private final Deque<Long> values = new ArrayDeque<>();
        private long next;
        private long last = -1;

        Ids(Connection c) {
            this.c = c;
        }

        long next() throws SQLException {
            if (next > last) {
                if (values.isEmpty()) {
                    fetch();
                }
                long v = values.pop();
                next = Math.max(1, v - ID_BLOCK + 1);
                last = v;
            }
            return next++;
        }

        private void fetch() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(dialect.trialIdsSql())) {
                ps.setInt(1, ID_VALUES_PER_QUERY);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getLong(1));
                    }
                }
            }
        }
    }
}
