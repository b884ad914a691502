package dev.hypersearch.search;

import java.util.Map;

/** Reads the {@code coarseToFine} field: {@code {"stages": 3, "trialsPerStage": 20, "topFraction": 0.25}}. */
final class CoarseToFineParser {

    static final int MAX_STAGES = 100;

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
        Integer stages = integer(o, "stages", CoarseToFine.DEFAULT_STAGES, 2, MAX_STAGES, field, errors);
        Integer perStage = integer(o, "trialsPerStage", null, 1, Integer.MAX_VALUE, field, errors);
        Double top = CoarseToFine.DEFAULT_TOP_FRACTION;
        Object t = o.get("topFraction");
        if (t != null) {
            if (t instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1) {
                top = n.doubleValue();
            } else {
                errors.add(field + ".topFraction", "must be a number in (0, 1], was " + Values.describe(t));
            }
        }
        return errors.count() == before ? new CoarseToFine(stages, perStage, top) : null;
    }

    /** An integer in [min, max]; {@code defaultValue} null makes it required. */
    private static Integer integer(Map<?, ?> o, String key, Integer defaultValue, int min, int max, String field,
                                   Errors errors) {
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
