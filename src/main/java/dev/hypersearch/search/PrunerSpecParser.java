package dev.hypersearch.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code pruner} field of a spec (see {@link PrunerSpec} for the accepted forms). */
final class PrunerSpecParser {

    /** No epoch count or factor beyond this makes sense. */
    static final int MAX_SETTING = 10_000;

    static final Setting WARMUP_EPOCHS = Setting.ofInt("warmupEpochs", 0, MAX_SETTING,
            PrunerSpec.Median.DEFAULT.warmupEpochs(), "Epochs a trial trains before it can be stopped");
    static final Setting STARTUP_TRIALS = Setting.ofInt("startupTrials", 1, MAX_SETTING,
            PrunerSpec.Median.DEFAULT.startupTrials(), "Trials that must have reached an epoch before any is judged there");
    static final Setting MIN_EPOCHS = Setting.ofInt("minEpochs", 1, MAX_SETTING, PrunerSpec.Asha.DEFAULT.minEpochs(),
            "Epoch of the first rung");
    static final Setting ETA = Setting.ofInt("eta", 2, MAX_SETTING, PrunerSpec.Asha.DEFAULT.eta(),
            "Reduction factor: rungs are eta times apart and 1/eta of a rung's trials go on");
    static final List<Setting> MEDIAN_SETTINGS = List.of(WARMUP_EPOCHS, STARTUP_TRIALS);
    static final List<Setting> ASHA_SETTINGS = List.of(MIN_EPOCHS, ETA);

    private PrunerSpecParser() {
    }

    /** The spec, or null after recording errors under {@code field}. */
    static PrunerSpec parse(Object raw, String field, Errors errors) {
        if (raw == null) {
            return PrunerSpec.NONE;
        }
        if (raw instanceof String name) {
            return switch (name) {
                case "none" -> PrunerSpec.NONE;
                case "median" -> PrunerSpec.Median.DEFAULT;
                case "asha" -> PrunerSpec.Asha.DEFAULT;
                default -> {
                    errors.add(field, "unknown pruner \"" + name + "\"" + Suggestions.didYouMean(name, PrunerSpec.NAMES)
                            + "; one of " + PrunerSpec.NAMES);
                    yield null;
                }
            };
        }
        if (!(raw instanceof Map<?, ?> object) || object.size() != 1) {
            errors.add(field, "must be \"none\", \"median\", \"asha\" or an object with exactly one of "
                    + "{\"median\": {...}} or {\"asha\": {...}}, was " + Values.describe(raw));
            return null;
        }
        Map.Entry<?, ?> only = object.entrySet().iterator().next();
        String name = String.valueOf(only.getKey());
        String at = field + "." + name;
        Object body = only.getValue() == null ? Map.of() : only.getValue();
        if (!name.equals("median") && !name.equals("asha")) {
            errors.add(at, "unknown pruner '" + name + "'" + Suggestions.didYouMean(name, PrunerSpec.NAMES)
                    + "; with settings, one of [median, asha]");
            return null;
        }
        List<Setting> known = name.equals("median") ? MEDIAN_SETTINGS : ASHA_SETTINGS;
        Set<String> keys = Set.of(known.get(0).name(), known.get(1).name());
        if (!(body instanceof Map<?, ?> settings)) {
            errors.add(at, "must be an object " + keys + ", was " + Values.describe(body));
            return null;
        }
        int before = errors.count();
        for (Object key : settings.keySet()) {
            String k = String.valueOf(key);
            if (!keys.contains(k)) {
                errors.add(at + "." + k, "unknown setting" + Suggestions.didYouMean(k, keys) + "; expected " + keys);
            }
        }
        if (name.equals("median")) {
            int warmup = setting(settings, WARMUP_EPOCHS, at, errors);
            int startup = setting(settings, STARTUP_TRIALS, at, errors);
            return errors.count() == before ? new PrunerSpec.Median(warmup, startup) : null;
        }
        int minEpochs = setting(settings, MIN_EPOCHS, at, errors);
        int eta = setting(settings, ETA, at, errors);
        return errors.count() == before ? new PrunerSpec.Asha(minEpochs, eta) : null;
    }

    /** An optional integer setting within its bounds. */
    private static int setting(Map<?, ?> settings, Setting setting, String at, Errors errors) {
        int defaultValue = setting.defaultValue().intValue();
        Object v = settings.get(setting.name());
        if (v == null) {
            return defaultValue;
        }
        Long x = Values.integral(v);
        if (x == null || x < setting.min() || x > setting.max()) {
            errors.add(at + "." + setting.name(), "must be an integer in " + setting.bounds() + ", was "
                    + Values.describe(v));
            return defaultValue;
        }
        return x.intValue();
    }
}
