package dev.hypersearch.search;

import dev.hypersearch.search.pruning.AshaPruner;
import dev.hypersearch.search.pruning.MedianPruner;
import dev.hypersearch.search.pruning.Pruner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's {@code pruner} field: {@code "none"} (the default), {@code "median"} / {@code "asha"} with
 * default settings, or one of {@code {"median": {"warmupEpochs": 5, "startupTrials": 5}}},
 * {@code {"asha": {"minEpochs": 1, "eta": 3}}} with any subset of the settings. It builds the trial's
 * {@link Pruner} once the trial's epoch budget is known ({@link #create}).
 */
public sealed interface PrunerSpec {

    None NONE = new None();
    List<String> NAMES = List.of("none", "median", "asha");

    /** The pruner for a trial that trains at most {@code maxEpochs} epochs. */
    Pruner create(int maxEpochs);

    /** The JSON-shaped form, with every setting spelt out, that {@link #parse} reads back to an equal spec. */
    Object toRaw();

    /** Never prune. */
    record None() implements PrunerSpec {
        @Override
        public Pruner create(int maxEpochs) {
            return Pruner.NONE;
        }

        @Override
        public Object toRaw() {
            return "none";
        }
    }

    /** See {@link MedianPruner}. */
    record Median(int warmupEpochs, int startupTrials) implements PrunerSpec {
        /** Optuna's defaults are 5 startup trials and no warm-up; a few epochs of warm-up spare slow starters. */
        public static final Median DEFAULT = new Median(5, 5);

        @Override
        public Pruner create(int maxEpochs) {
            return new MedianPruner(warmupEpochs, startupTrials);
        }

        @Override
        public Object toRaw() {
            return Map.of("median", ordered("warmupEpochs", warmupEpochs, "startupTrials", startupTrials));
        }
    }

    /** See {@link AshaPruner}. */
    record Asha(int minEpochs, int eta) implements PrunerSpec {
        public static final Asha DEFAULT = new Asha(1, AshaPruner.DEFAULT_ETA);

        @Override
        public Pruner create(int maxEpochs) {
            return new AshaPruner(minEpochs, eta, maxEpochs);
        }

        @Override
        public Object toRaw() {
            return Map.of("asha", ordered("minEpochs", minEpochs, "eta", eta));
        }
    }

    /** Parses the field alone (null means none); errors are reported under {@code pruner}. */
    static PrunerSpec parse(Object raw) {
        Errors errors = new Errors();
        PrunerSpec spec = PrunerSpecParser.parse(raw, "pruner", errors);
        errors.throwIfAny();
        return spec;
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
