package dev.hypersearch.search.pruning;

import java.util.List;

/**
 * What a pruner may know about the other trials of its search: a read-only view the service implements
 * with one query over the trial_epoch rows, so decisions work across workers and processes. Each method
 * answers one question with one query; the asking trial is always excluded (whether or not its own row
 * for that epoch is stored yet), so the answer does not depend on write order.
 *
 * <p>"Other trials" are all the search's trials that reported the epoch, whatever their state now
 * (running, completed, pruned): asynchronous rules decide with what is known at the moment.
 */
public interface PeerResults {

    /**
     * For each other trial that reported {@code epoch}: its lowest validation loss over epochs
     * 1..{@code epoch}. SQL sketch: {@code select min(e.val_loss) from trial_epoch e join trial t on ...
     * where t.search_id = ? and t.number <> ? and e.epoch <= ? group by e.trial_id having max(e.epoch) >= ?}.
     */
    List<Double> bestValLossesAt(int epoch, long excludingTrial);

    /**
     * For each other trial that reported {@code rungEpoch}: its validation loss at that epoch. SQL sketch:
     * {@code select e.val_loss from trial_epoch e join trial t on ... where t.search_id = ? and t.number <> ?
     * and e.epoch = ?}.
     */
    List<Double> valuesAtRung(int rungEpoch, long excludingTrial);
}
