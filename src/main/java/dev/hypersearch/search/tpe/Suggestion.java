package dev.hypersearch.search.tpe;

import dev.hypersearch.search.TrialParams;
import java.util.List;
import java.util.Objects;

/**
 * A model-based trial's parameters with what they were computed from: the ids of the finished trials and of
 * the trials then running (counted as bad). With the space, the seed and the trial's number, these ids are all
 * {@link TpeSampler#suggest} needs to give the same parameters again.
 */
public record Suggestion(TrialParams params, List<Long> basedOn, List<Long> running) {

    public Suggestion {
        Objects.requireNonNull(params, "params");
        basedOn = List.copyOf(basedOn);
        running = List.copyOf(running);
    }
}
