package dev.hypersearch.search.tpe;

import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.RandomStrategy;
import dev.hypersearch.search.Seeds;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.TrialParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The tree-structured Parzen estimator (Bergstra et al. 2011) as Optuna's TPESampler builds it: the observed
 * trials are split into good and the rest ({@link Split}); the searched parameters into groups active together
 * ({@link Groups}, Optuna's {@code group=True} decomposition). Each parameter that every trial had gets its own
 * Parzen estimators l(x) of the good trials' values and g(x) of the rest's (Optuna's univariate TPE); each
 * conditional group gets joint ones over the trials where it applied ({@link JointEstimator}, Optuna's
 * multivariate TPE), so that, say, adam's beta1 and beta2 are drawn as pairs that went well together.
 * {@code candidates} draws from l; the draw with the largest log l(x) - log g(x) is taken. The start-up trials,
 * and any trial claimed while fewer than {@code startupTrials} others have finished or are running, are random
 * draws instead.
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
        Map<ObservedTrial, Map<String, Object>> values = new IdentityHashMap<>(); // TrialParams.values() copies
        List<Map<String, Object>> finished = new ArrayList<>();
        for (ObservedTrial t : observed) {
            values.put(t, t.params().values());
            if (!t.running()) {
                finished.add(values.get(t));
            }
        }
        Map<String, Groups.Group> groupOf = new HashMap<>();
        for (Groups.Group g : Groups.of(space.searchedNames(), finished)) {
            g.names().forEach(name -> groupOf.put(name, g));
        }
        SplittableRandom trialRng = Seeds.forModel(seed, trialNumber);
        Map<String, SplittableRandom> streams = new HashMap<>();
        for (String name : space.distributions().keySet()) {
            streams.put(name, trialRng.split()); // one stream per parameter, whatever the others draw
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> drawnWithGroup = new HashMap<>();
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            String name = e.getKey();
            if (!space.isActive(name, params)) {
                continue; // inactive under the values chosen so far (conditions read earlier parameters only)
            }
            if (e.getValue() instanceof Distribution.Fixed f) {
                params.put(name, f.value());
            } else if (drawnWithGroup.containsKey(name)) {
                params.put(name, drawnWithGroup.get(name));
            } else {
                Groups.Group group = groupOf.get(name);
                if (group.conditional()) {
                    drawnWithGroup.putAll(sampleGroup(group.names(), split, values, streams.get(group.names().get(0))));
                    params.put(name, drawnWithGroup.get(name));
                } else {
                    params.put(name, ParameterModel.of(e.getValue()).choose(column(split.good(), values, name),
                            column(split.rest(), values, name), settings.candidates(), streams.get(name)));
                }
            }
        }
        return new Suggestion(TrialParams.of(params), basedOn, running);
    }

    /**
     * A conditional group's values: a group of one from its own Parzen estimators; a larger one from joint
     * estimators over the trials that had all its parameters (Optuna's {@code _get_internal_repr}). A member that a
     * draw makes inactive (its condition reads another member) is dropped by the caller.
     */
    private Map<String, Object> sampleGroup(List<String> group, Split split,
                                            Map<ObservedTrial, Map<String, Object>> observed, SplittableRandom rng) {
        Map<String, Object> values = new HashMap<>();
        List<String> joint = new ArrayList<>();
        List<ParameterModel> models = new ArrayList<>();
        for (String name : group) {
            ParameterModel model = ParameterModel.of(space.get(name));
            if (model.single() || group.size() == 1) {
                values.put(name, model.choose(column(split.good(), observed, name), column(split.rest(), observed, name),
                        settings.candidates(), rng));
            } else {
                joint.add(name);
                models.add(model);
            }
        }
        if (joint.size() == 1) {
            String name = joint.get(0);
            values.put(name, models.get(0).choose(column(split.good(), observed, name), column(split.rest(), observed, name),
                    settings.candidates(), rng));
        } else if (!joint.isEmpty()) {
            JointEstimator l = JointEstimator.of(models, rows(split.good(), observed, joint, models));
            JointEstimator g = JointEstimator.of(models, rows(split.rest(), observed, joint, models));
            double[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < settings.candidates(); i++) {
                double[] x = l.sample(rng);
                double score = l.logPdf(x) - g.logPdf(x);
                if (best == null || score > bestScore) {
                    best = x;
                    bestScore = score;
                }
            }
            for (int d = 0; d < joint.size(); d++) {
                values.put(joint.get(d), models.get(d).external(best[d]));
            }
        }
        return values;
    }

    /** One parameter's observed values, in trial order; a trial where it has no value (inactive) is left out. */
    private static List<Object> column(List<ObservedTrial> trials, Map<ObservedTrial, Map<String, Object>> observed,
                                       String name) {
        List<Object> column = new ArrayList<>(trials.size());
        for (ObservedTrial t : trials) {
            Object v = observed.get(t).get(name);
            if (v != null) {
                column.add(v);
            }
        }
        return column;
    }

    /**
     * The group's observations in the estimators' scale, one row per parameter, from the trials (in order) that
     * had every parameter of the group with a value in the space (Optuna's {@code _get_internal_repr}).
     */
    private static double[][] rows(List<ObservedTrial> trials, Map<ObservedTrial, Map<String, Object>> observed,
                                   List<String> names, List<ParameterModel> models) {
        double[][] rows = new double[names.size()][trials.size()];
        int n = 0;
        for (ObservedTrial t : trials) {
            Map<String, Object> values = observed.get(t);
            boolean complete = true;
            for (int d = 0; d < names.size() && complete; d++) {
                Object v = values.get(names.get(d));
                double x = v == null ? Double.NaN : models.get(d).internal(v);
                complete = !Double.isNaN(x);
                rows[d][n] = x;
            }
            if (complete) {
                n++;
            }
        }
        for (int d = 0; d < rows.length; d++) {
            rows[d] = Arrays.copyOf(rows[d], n);
        }
        return rows;
    }

    /** A start-up trial: the same draw as the random strategy's trial of this number. */
    private TrialParams random(long trialNumber) {
        return new RandomStrategy(space, trialNumber + 1, seed).paramsFor(trialNumber);
    }
}
