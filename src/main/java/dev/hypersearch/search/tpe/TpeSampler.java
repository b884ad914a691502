package dev.hypersearch.search.tpe;

import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.RandomStrategy;
import dev.hypersearch.search.Seeds;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.TrialParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator (Bergstra et al. 2011) as Optuna's TPESampler builds it, one parameter at a
 * time: the observed trials are split into good and the rest ({@link Split}); for each searched parameter a
 * Parzen estimator l(x) of the good trials' values and g(x) of the rest's; {@code candidates} draws from l; the
 * draw with the largest log l(x) - log g(x) is the parameter's value. The start-up trials, and any trial claimed
 * while fewer than {@code startupTrials} others have finished or are running, are random draws instead.
 *
 * <p>A pure function of (space, settings, seed, trial number, observed trials): the same inputs give the same
 * parameters, whichever worker or process computes them, so a stored suggestion can be replayed from its basis.
 */
public final class TpeSampler {

    private final Space space;
    private final TpeSettings settings;
    private final long seed;

    public TpeSampler(Space space, TpeSettings settings, long seed) {
        this.space = Objects.requireNonNull(space);
        this.settings = Objects.requireNonNull(settings);
        this.seed = seed;
    }

    /**
     * The parameters of trial {@code trialNumber} given the search's other trials that have finished (completed,
     * pruned, diverged, failed) or are running; queued and cancelled trials must be left out.
     */
    public Suggestion suggest(long trialNumber, List<ObservedTrial> observed) {
        List<Long> basedOn = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        for (ObservedTrial t : observed) {
            (t.running() ? running : basedOn).add(t.id());
        }
        basedOn.sort(null);
        running.sort(null);
        if (trialNumber < settings.startupTrials() || observed.size() < settings.startupTrials()) {
            return new Suggestion(random(trialNumber), basedOn, running);
        }
        Split split = Split.of(observed, settings);
        List<String> searched = space.searchedNames();
        List<List<Object>> good = columns(split.good(), searched);
        List<List<Object>> rest = columns(split.rest(), searched);
        SplittableRandom trialRng = Seeds.forModel(seed, trialNumber);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            SplittableRandom rng = trialRng.split(); // one stream per parameter, whatever the others draw
            Distribution d = e.getValue();
            if (!space.isActive(e.getKey(), params)) {
                continue; // inactive under the values chosen so far (conditions read earlier parameters only)
            }
            // Each parameter is modelled on the trials where it applied: columns() leaves out the others.
            int j = searched.indexOf(e.getKey());
            params.put(e.getKey(), d instanceof Distribution.Fixed f ? f.value()
                    : ParameterModel.of(d).choose(good.get(j), rest.get(j), settings.candidates(), rng));
        }
        return new Suggestion(TrialParams.of(params), basedOn, running);
    }

    /** A start-up trial: the same draw as the random strategy's trial of this number. */
    private TrialParams random(long trialNumber) {
        return new RandomStrategy(space, trialNumber + 1, seed).paramsFor(trialNumber);
    }

    /**
     * Each searched parameter's observed values, in trial order, in one pass over the trials; a trial where a
     * parameter has no value (inactive) is left out of that parameter's column.
     */
    private static List<List<Object>> columns(List<ObservedTrial> trials, List<String> names) {
        List<List<Object>> columns = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            columns.add(new ArrayList<>(trials.size()));
        }
        for (ObservedTrial t : trials) {
            Map<String, Object> values = t.params().values();
            for (int j = 0; j < names.size(); j++) {
                Object v = values.get(names.get(j));
                if (v != null) {
                    columns.get(j).add(v);
                }
            }
        }
        return columns;
    }
}
