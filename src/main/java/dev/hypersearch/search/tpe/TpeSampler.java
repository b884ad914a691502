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
        List<Map<String, Object>> good = values(split.good());
        List<Map<String, Object>> rest = values(split.rest());
        SplittableRandom trialRng = Seeds.forModel(seed, trialNumber);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            SplittableRandom rng = trialRng.split(); // one stream per parameter, whatever the others draw
            Distribution d = e.getValue();
            // TODO(conditional parameters): skip a parameter inactive under the values chosen so far, here.
            params.put(e.getKey(), d instanceof Distribution.Fixed f ? f.value()
                    : ParameterModel.of(d).choose(column(good, e.getKey()), column(rest, e.getKey()),
                    settings.candidates(), rng));
        }
        return new Suggestion(TrialParams.of(params), basedOn, running);
    }

    /** A start-up trial: the same draw as the random strategy's trial of this number. */
    private TrialParams random(long trialNumber) {
        return new RandomStrategy(space, trialNumber + 1, seed).paramsFor(trialNumber);
    }

    private static List<Map<String, Object>> values(List<ObservedTrial> trials) {
        List<Map<String, Object>> values = new ArrayList<>(trials.size());
        for (ObservedTrial t : trials) {
            values.add(t.params().values());
        }
        return values;
    }

    /** One parameter's observed values, in trial order; a trial where it has no value (inactive) is left out. */
    private static List<Object> column(List<Map<String, Object>> rows, String name) {
        List<Object> column = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object v = row.get(name);
            if (v != null) {
                column.add(v);
            }
        }
        return column;
    }
}
