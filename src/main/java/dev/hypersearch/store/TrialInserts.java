package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inserts trials QUEUED as rows (and a coarse-to-fine stage's row) in the caller's transaction: a search's
 * sanity check, and trials whose parameters are given rather than planned from the spec (a search's planned
 * trials are created by the claims that run them, {@link PlannedTrials}). Plain JDBC: on
 * PostgreSQL one COPY; elsewhere one multi-row INSERT of {@value #ROWS} trials prepared once and run in batches, parameters read from the list one
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
    private static final int COPY_ROWS = 1000;
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
        rows(searchId, firstNumber, stage, params, now);
        counters.apply(searchId, TrialStatus.QUEUED, params.size());
        if (firstNumber >= 0) { // these trials exist: none is left for a claim to create (PlannedTrials)
            jdbc.update("UPDATE search SET planned_trials = ?, next_number = ? WHERE id = ?",
                    firstNumber + params.size(), firstNumber + params.size(), searchId);
        }
    }

    /** The rows alone, numbered from {@code firstNumber}: the caller keeps the counters and the search's plan. */
    void rows(long searchId, int firstNumber, Integer stage, List<TrialParams> params, Instant now) {
        OffsetDateTime queuedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            insert(c, searchId, firstNumber, stage, params, queuedAt);
            return null;
        });
    }

    void stage(long searchId, StageTrials s, Instant now) {
        entityManager.persist(new SearchStageEntity(searchId, s.stage(), s.space(), s.firstTrial(), s.params().size(),
                now));
        trials(searchId, s.firstTrial(), s.stage(), s.params(), now);
    }

    private void insert(Connection c, long searchId, int firstNumber, Integer stage, List<TrialParams> params,
                        OffsetDateTime queuedAt) throws SQLException {
        if (dialect.notifies()) {
            copy(c, searchId, firstNumber, stage, params, queuedAt);
            return;
        }
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

    /**
     * PostgreSQL: the rows streamed through one COPY (text format), {@value #COPY_ROWS} rows a write, instead of
     * INSERTs the server parses, plans and executes per batch.
     */
    private void copy(Connection c, long searchId, int firstNumber, Integer stage, List<TrialParams> params,
                      OffsetDateTime queuedAt) throws SQLException {
        Ids ids = new Ids(c);
        ids.reserve(params.size()); // no query can run on the connection while the COPY is open
        String tail = "\tQUEUED\t" + queuedAt + "\t" + (stage == null ? "\\N" : stage.toString()) + "\n";
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY trial (id, search_id, number, params, status, queued_at, stage) FROM STDIN");
        try {
            StringBuilder rows = new StringBuilder();
            int n = params.size();
            for (int k = 0; k < n; k++) {
                TrialParams tp = params.get(k);
                rows.append(ids.next()).append('\t').append(searchId).append('\t').append(firstNumber + k)
                        .append('\t');
                if (tp == null) {
                    rows.append("\\N");
                } else {
                    copyText(rows, JSON.writeValueAsString(tp));
                }
                rows.append(tail);
                if (k % COPY_ROWS == COPY_ROWS - 1 || k == n - 1) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
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

        /** Fetches at once the blocks for {@code count} ids (the first block may be short: ids start at 1). */
        void reserve(int count) throws SQLException {
            fetch(count / ID_BLOCK + 2);
        }

        private void fetch() throws SQLException {
            fetch(ID_VALUES_PER_QUERY);
        }

        private void fetch(int blocks) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(dialect.trialIdsSql())) {
                ps.setInt(1, blocks);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getLong(1));
                    }
                }
            }
        }
    }
}
