package dev.hypersearch.search;

import java.util.Map;
import java.util.Set;

/** Reads the {@code pruner} field of a spec (see {@link PrunerSpec} for the accepted forms). */
final class PrunerSpecParser {

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
        Set<String> keys = name.equals("median") ? Set.of("warmupEpochs", "startupTrials") : Set.of("minEpochs", "eta");
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
            int warmup = setting(settings, "warmupEpochs", PrunerSpec.Median.DEFAULT.warmupEpochs(), 0, at, errors);
            int startup = setting(settings, "startupTrials", PrunerSpec.Median.DEFAULT.startupTrials(), 1, at, errors);
            return errors.count() == before ? new PrunerSpec.Median(warmup, startup) : null;
        }
        int minEpochs = setting(settings, "minEpochs", PrunerSpec.Asha.DEFAULT.minEpochs(), 1, at, errors);
        int eta = setting(settings, "eta", PrunerSpec.Asha.DEFAULT.eta(), 2, at, errors);
        return errors.count() == before ? new PrunerSpec.Asha(minEpochs, eta) : null;
    }

    /** An optional integer setting in [min, 10000] (no epoch count or factor beyond that makes sense). */
    private static int setting(Map<?, ?> settings, String key, int defaultValue, int min, String at, Errors errors) {
        Object v = settings.get(key);
        if (v == null) {
            return defaultValue;
        }
        Long x = Values.integral(v);
        if (x == null || x < min || x > 10_000) {
            errors.add(at + "." + key, "must be an integer in [" + min + ", 10000], was " + Values.describe(v));
            return defaultValue;
        }
        return x.intValue();
    }
}
