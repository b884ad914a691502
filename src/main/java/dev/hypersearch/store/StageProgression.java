package dev.hypersearch.store;

import dev.hypersearch.search.CoarseToFine;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.StageResult;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.TrialStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a coarse-to-fine search to its next stage once every trial of the current one has ended: narrows
 * the stage's space to its best completed trials and plans the next stage's trials in that space, in the
 * caller's transaction (stored with the stage's row; claims create them, {@link PlannedTrials}). Any worker of any process may ask after any trial ends; the search
 * row's lock and the "does the next stage exist yet" check under it make exactly one of them do it.
 * A stage with no completed trial leaves nothing to narrow to: the search fails, saying so.
 */
@Service
public class StageProgression {

    /** What a call did. */
    public enum Step { NOT_STAGED, NOT_READY, ADVANCED, LAST_STAGE, FAILED }

    private final JdbcTemplate jdbc;
    private final SearchRepository searches;
    private final TrialRepository trials;
    private final SearchStageRepository stages;
    private final PlannedTrials planned;

    StageProgression(JdbcTemplate jdbc, SearchRepository searches, TrialRepository trials,
                     SearchStageRepository stages, PlannedTrials planned) {
        this.jdbc = jdbc;
        this.searches = searches;
        this.trials = trials;
        this.stages = stages;
        this.planned = planned;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Step advanceIfStageEnded(long searchId) {
        Integer current = currentStage(searchId);
        if (current == null) {
            return Step.NOT_STAGED;
        }
        if (stageStillRunning(searchId, current)) { // most trials end here, without taking the lock
            return Step.NOT_READY;
        }
        List<String> status = jdbc.queryForList("SELECT status FROM search WHERE id = ? FOR UPDATE", String.class,
                searchId);
        if (status.isEmpty() || !status.get(0).equals(SearchStatus.RUNNING.name())) {
            return Step.NOT_READY;
        }
        current = currentStage(searchId); // re-read under the lock: another worker may have advanced meanwhile
        if (stageStillRunning(searchId, current)) {
            return Step.NOT_READY;
        }
        SearchEntity search = searches.findById(searchId).orElseThrow();
        CoarseToFine plan = search.searchSpec().coarseToFine();
        if (current >= plan.stages()) {
            return Step.LAST_STAGE;
        }
        List<StageResult> results = completedResults(searchId, current);
        if (results.isEmpty()) {
            fail(searchId, current);
            return Step.FAILED;
        }
        SearchStageEntity row = stages.findById(new SearchStageEntity.Key(searchId, current)).orElseThrow();
        Space next = plan.nextSpace(Space.parseStored(row.getSpace()), results);
        StageStrategy strategy = plan.stage(current + 1, next, search.getSeed());
        planned.addStage(searchId, strategy.describe(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return Step.ADVANCED;
    }

    private Integer currentStage(long searchId) {
        return jdbc.queryForObject("SELECT MAX(stage) FROM search_stage WHERE search_id = ?", Integer.class, searchId);
    }

    /** Trials of the stage queued or running, or planned and not created yet (all of them are the stage's). */
    private boolean stageStillRunning(long searchId, int stage) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ? AND stage = ?"
                + " AND status IN ('QUEUED', 'RUNNING')", Integer.class, searchId, stage);
        Integer notCreated = jdbc.queryForObject("SELECT planned_trials - next_number FROM search WHERE id = ?",
                Integer.class, searchId);
        return (n != null && n > 0) || (notCreated != null && notCreated > 0);
    }

    /** The stage's COMPLETED trials with a finite loss: pruned or diverged ones do not rank fairly. */
    private List<StageResult> completedResults(long searchId, int stage) {
        List<StageResult> results = new ArrayList<>();
        for (TrialEntity t : trials.findBySearchIdAndStageAndStatus(searchId, stage, TrialStatus.COMPLETED)) {
            if (t.getValLoss() != null && Double.isFinite(t.getValLoss())) {
                results.add(new StageResult(t.getNumber(), t.getParams(), t.getValLoss()));
            }
        }
        return results;
    }

    private void fail(long searchId, int stage) {
        String endings = jdbc.queryForList("SELECT status, COUNT(*) AS n FROM trial WHERE search_id = ? AND stage = ?"
                        + " GROUP BY status ORDER BY status", searchId, stage).stream()
                .map(r -> r.get("n") + " " + r.get("status")).collect(Collectors.joining(", "));
        String message = "coarse-to-fine stage " + stage + " ended without a completed trial with a finite"
                + " validation loss (" + endings + "): nothing to narrow the next stage's space to";
        jdbc.update("UPDATE search SET status = 'FAILED', finished_at = CURRENT_TIMESTAMP, message = ?"
                + " WHERE id = ? AND status = 'RUNNING'", message, searchId);
    }
}
