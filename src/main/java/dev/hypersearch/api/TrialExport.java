package dev.hypersearch.api;

import dev.hypersearch.store.TrialEntity;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/**
 * Trials in number order, a chunk at a time by keyset (number > last seen): no COUNT and no OFFSET
 * scan per chunk, so exporting a 100,000-trial grid stays linear.
 */
public interface TrialExport extends Repository<TrialEntity, Long> {

    List<TrialEntity> findBySearchIdAndNumberGreaterThanOrderByNumber(long searchId, int afterNumber, Limit limit);
}
