package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Inserts trials QUEUED (and a coarse-to-fine stage's row) in the caller's transaction, in JDBC batches:
 * the sequence-generated ids let Hibernate batch, and clearing the context keeps memory flat for 100,000 trials.
 */
@Component
class TrialInserts {

    private static final int FLUSH_EVERY = 500;

    private final EntityManager entityManager;

    TrialInserts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void trials(long searchId, int firstNumber, Integer stage, List<TrialParams> params, Instant now) {
        for (int k = 0; k < params.size(); k++) {
            entityManager.persist(new TrialEntity(searchId, firstNumber + k, stage, params.get(k), now));
            if (k % FLUSH_EVERY == FLUSH_EVERY - 1) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
    }

    void stage(long searchId, StageTrials s, Instant now) {
        entityManager.persist(new SearchStageEntity(searchId, s.stage(), s.space(), s.firstTrial(), s.params().size(),
                now));
        trials(searchId, s.firstTrial(), s.stage(), s.params(), now);
    }
}
