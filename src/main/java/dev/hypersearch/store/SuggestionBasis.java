package dev.hypersearch.store;

import java.util.List;

/**
 * What a model-based (TPE) trial's parameters were computed from, as stored with them: the ids of the search's
 * finished trials and of those then running (counted as bad, the constant liar).
 */
public record SuggestionBasis(List<Long> basedOn, List<Long> running) {

    public SuggestionBasis {
        basedOn = List.copyOf(basedOn);
        running = List.copyOf(running);
    }
}
