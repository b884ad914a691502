package dev.hypersearch.search;

import java.util.List;
import java.util.Map;

/** Reads the {@code coarseToFine} field: {@code {"stages": 3, "trialsPerStage": 20, "topFraction": 0.25}}. */
final class CoarseToFineParser {

    static final int MAX_STAGES = 100;

    static final Setting STAGES = Setting.ofInt("stages", 2, MAX_STAGES, CoarseToFine.DEFAULT_STAGES,
            "How many stages the search runs");
    static final Setting TRIALS_PER_STAGE = Setting.ofInt("trialsPerStage", 1, Integer.MAX_VALUE, null,
            "Random trials in each stage (required; stages x trialsPerStage is the whole budget)");
    static final Setting TOP_FRACTION = Setting.ofFloat("topFraction", new Interval(0, false, 1, true),
            CoarseToFine.DEFAULT_TOP_FRACTION, "Fraction of a stage's best completed trials the next stage narrows to");
    static final List<Setting> SETTINGS = List.of(STAGES, TRIALS_PER_STAGE, TOP_FRACTION);

    private CoarseToFineParser() {
    }

    /** The settings, or null after recording errors under {@code field}; trialsPerStage is required. */
    static CoarseToFine parse(Object raw, String field, Errors errors) {
        if (!(raw instanceof Map<?, ?> o)) {
            errors.add(field, "must be an object {stages?, trialsPerStage, topFraction?}, was " + Values.describe(raw));
            return null;
        }
        int before = errors.count();
        for (Object key : o.keySet()) {
            String k = String.valueOf(key);
            if (!CoarseToFine.FIELDS.contains(k)) {
                errors.add(field + "." + k, "unknown setting" + Suggestions.didYouMean(k, CoarseToFine.FIELDS)
                        + "; expected " + CoarseToFine.FIELDS);
            }
        }
        Integer stages = integer(o, STAGES, field, errors);
        Integer perStage = integer(o, TRIALS_PER_STAGE, field, errors);
        Double top = TOP_FRACTION.defaultValue().doubleValue();
        Object t = o.get(TOP_FRACTION.name());
        if (t != null) {
            if (t instanceof Number n && TOP_FRACTION.bounds().contains(n.doubleValue())) {
                top = n.doubleValue();
            } else {
                errors.add(field + "." + TOP_FRACTION.name(), "must be a number in " + TOP_FRACTION.bounds() + ", was "
                        + Values.describe(t));
            }
        }
        return errors.count() == before ? new CoarseToFine(stages, perStage, top) : null;
    }

    /** An integer in the setting's bounds; a setting without default is required. */
    private static Integer integer(Map<?, ?> o, Setting setting, String field, Errors errors) {
        String key = setting.name();
        Integer defaultValue = setting.defaultValue() == null ? null : setting.defaultValue().intValue();
        int min = setting.min();
        int max = setting.max();
        Object v = o.get(key);
        if (v == null) {
            if (defaultValue == null) {
                errors.add(field + "." + key, "required");
            }
            return defaultValue;
        }
        Long x = Values.integral(v);
        if (x == null || x < min || x > max) {
            String range = max == Integer.MAX_VALUE ? ">= " + min : "in [" + min + ", " + max + "]";
            errors.add(field + "." + key, "must be an integer " + range + ", was " + Values.describe(v));
            return null;
        }
        return x.intValue();
    }
}
