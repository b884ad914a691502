package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the running searches' planned trials into rows, so that reads can be timed at a search's full size: trials
 * are created at their claim, so a freshly submitted 100,000-trial search has only the rows its workers claimed.
 * Each row is the one a claim of that number handed back to the queue would leave (QUEUED, attempt 0, the
 * parameters and stage the claim computes, {@link SearchPlans}), without its started time. Rows go in through the
 * store's batch insert, {@value #BATCH} a transaction, each batch's numbers taken from the search's next number
 * under its row's lock as a claim takes one, so the workers' claims meanwhile get other numbers. (Claiming and
 * handing back every trial took 2 minutes on H2 and 18 on PostgreSQL for 100,000.) The trial counters already
 * count planned trials as queued, so they do not change.
 */
public final class PlannedTrialRows {

    private static final int BATCH = 5_000;

    private PlannedTrialRows() {
    }

    /** Returns how many trials it created. */
    public static int createAll(ApplicationContext ctx) {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        TransactionTemplate transaction = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
        TrialInserts inserts = ctx.getBean(TrialInserts.class);
        SearchPlans plans = ctx.getBean(SearchPlans.class);
        int created = 0;
        for (long searchId : jdbc.queryForList("SELECT id FROM search WHERE status = 'RUNNING'"
                + " AND next_number < planned_trials ORDER BY id", Long.class)) {
            int n;
            do {
                n = transaction.execute(tx -> batch(jdbc, inserts, plans, searchId));
                created += n;
            } while (n > 0);
        }
        return created;
    }

    /** The search's next up to {@value #BATCH} planned trials as rows, in runs of one coarse-to-fine stage. */
    private static int batch(JdbcTemplate jdbc, TrialInserts inserts, SearchPlans plans, long searchId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT next_number, planned_trials FROM search"
                + " WHERE id = ? AND status = 'RUNNING' FOR UPDATE", searchId);
        if (rows.isEmpty()) {
            return 0;
        }
        int from = ((Number) rows.get(0).get("next_number")).intValue();
        int to = Math.min(((Number) rows.get(0).get("planned_trials")).intValue(), from + BATCH);
        if (from >= to) {
            return 0;
        }
        jdbc.update("UPDATE search SET next_number = ? WHERE id = ?", to, searchId);
        Instant now = Instant.now();
        int first = from;
        Integer stage = plans.trial(searchId, from).stage();
        List<TrialParams> params = new ArrayList<>();
        for (int k = from; k < to; k++) {
            SearchPlans.Planned p = plans.trial(searchId, k);
            if (!Objects.equals(p.stage(), stage)) {
                inserts.rows(searchId, first, stage, params, now);
                first = k;
                stage = p.stage();
                params = new ArrayList<>();
            }
            params.add(p.params());
        }
        inserts.rows(searchId, first, stage, params, now);
        return to - from;
    }
}
