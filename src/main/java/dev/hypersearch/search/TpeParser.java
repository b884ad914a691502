package dev.hypersearch.search;

import java.util.List;
import java.util.Map;

/** Reads the {@code tpe} field: {@code {"startupTrials": 10, "candidates": 24, "gamma": 0.25}}, every key optional. */
final class TpeParser {

    static final int MAX_STARTUP_TRIALS = 10_000;
    static final int MAX_CANDIDATES = 1_000;

    static final Setting STARTUP_TRIALS = Setting.ofInt("startupTrials", 1, MAX_STARTUP_TRIALS,
            TpeSettings.DEFAULT_STARTUP_TRIALS, "Random trials before the model takes over");
    static final Setting CANDIDATES = Setting.ofInt("candidates", 1, MAX_CANDIDATES, TpeSettings.DEFAULT_CANDIDATES,
            "Points drawn from the good trials' density per parameter; the most promising is tried");
    static final Setting GAMMA = Setting.ofFloat("gamma", new Interval(0, false, 1, false), TpeSettings.DEFAULT_GAMMA,
            "Fraction of the finished trials (best first) that count as good");
    static final List<Setting> SETTINGS = List.of(STARTUP_TRIALS, CANDIDATES, GAMMA);

    private TpeParser() {
    }

    /** The settings (defaults for absent keys, and for an absent field), or null after recording errors under {@code field}. */
    static TpeSettings parse(Object raw, String field, Errors errors) {
        if (raw == null) {
            return TpeSettings.DEFAULTS;
        }
        if (!(raw instanceof Map<?, ?> o)) {
            errors.add(field, "must be an object {startupTrials?, candidates?, gamma?}, was " + Values.describe(raw));
            return null;
        }
        int before = errors.count();
        for (Object key : o.keySet()) {
            String k = String.valueOf(key);
            if (!TpeSettings.FIELDS.contains(k)) {
                errors.add(field + "." + k, "unknown setting" + Suggestions.didYouMean(k, TpeSettings.FIELDS)
                        + "; expected " + TpeSettings.FIELDS);
            }
        }
        int startup = integer(o, STARTUP_TRIALS, field, errors);
        int candidates = integer(o, CANDIDATES, field, errors);
        double gamma = GAMMA.defaultValue().doubleValue();
        Object g = o.get(GAMMA.name());
        if (g != null) {
            if (g instanceof Number n && GAMMA.bounds().contains(n.doubleValue())) {
                gamma = n.doubleValue();
            } else {
                errors.add(field + "." + GAMMA.name(), "must be a number in " + GAMMA.bounds() + ", was "
                        + Values.describe(g));
            }
        }
        return errors.count() == before ? new TpeSettings(startup, candidates, gamma) : null;
    }

    /** An integer in the setting's bounds, or its default when absent. */
    private static int integer(Map<?, ?> o, Setting setting, String field, Errors errors) {
        Object v = o.get(setting.name());
        if (v == null) {
            return setting.defaultValue().intValue();
        }
        Long x = Values.integral(v);
        if (x == null || x < setting.min() || x > setting.max()) {
            errors.add(field + "." + setting.name(), "must be an integer in [" + setting.min() + ", " + setting.max()
                    + "], was " + Values.describe(v));
            return setting.defaultValue().intValue();
        }
        return x.intValue();
    }
}
