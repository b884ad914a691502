package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one parameter's raw value: a fixed scalar, or an object with exactly one of {@code choice},
 * {@code intRange}, {@code floatRange}. Every value a distribution can produce is checked against the
 * parameter (ranges by their endpoints, since bounds are intervals). Errors go to {@code errors}.
 */
final class DistributionParser {

    static final int MAX_CHOICES = 10_000;
    static final int MAX_POINTS = 10_000;

    private static final List<String> KINDS = List.of("choice", "intRange", "floatRange");

    private DistributionParser() {
    }

    /** The distribution, or null when an error was recorded. */
    static Distribution parse(Parameter p, Object raw, String field, Errors errors) {
        if (raw instanceof Map<?, ?> object) {
            return parseObject(p, object, field, errors);
        }
        if (raw instanceof List<?>) {
            errors.add(field, "a bare list is not a distribution; write {\"choice\": [...]}");
            return null;
        }
        Object value = p.check(raw, field, errors);
        return value == null ? null : new Distribution.Fixed(value);
    }

    private static Distribution parseObject(Parameter p, Map<?, ?> object, String field, Errors errors) {
        List<String> kinds = new ArrayList<>();
        boolean unknown = false;
        for (Object key : object.keySet()) {
            String k = String.valueOf(key);
            if (KINDS.contains(k)) {
                kinds.add(k);
            } else {
                errors.add(field + "." + k, "unknown distribution '" + k + "'" + Suggestions.didYouMean(k, KINDS)
                        + "; expected one of " + KINDS);
                unknown = true;
            }
        }
        if (kinds.size() > 1) {
            errors.add(field, "give exactly one of " + KINDS + ", found " + kinds);
        } else if (kinds.isEmpty() && !unknown) {
            errors.add(field, "empty object; expected a value or one of " + KINDS);
        }
        if (unknown || kinds.size() != 1) {
            return null;
        }
        String kind = kinds.get(0);
        Object body = object.get(kind);
        String at = field + "." + kind;
        return switch (kind) {
            case "choice" -> choice(p, body, at, errors);
            case "intRange" -> intRange(p, body, at, errors);
            default -> floatRange(p, body, at, errors);
        };
    }

    private static Distribution choice(Parameter p, Object body, String field, Errors errors) {
        if (!(body instanceof List<?> list)) {
            errors.add(field, "must be a list of values, was " + Values.describe(body));
            return null;
        }
        if (list.isEmpty()) {
            errors.add(field, "must not be empty");
            return null;
        }
        if (list.size() > MAX_CHOICES) {
            errors.add(field, "must have at most " + MAX_CHOICES + " values, had " + list.size());
            return null;
        }
        int before = errors.count();
        List<Object> values = new ArrayList<>(list.size());
        // Duplicates would make a grid run the same trial twice; compare canonical values (1 == 1.0 for an int).
        Map<Object, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            Object v = p.check(list.get(i), at, errors);
            if (v == null) {
                continue;
            }
            Integer seen = firstIndex.putIfAbsent(v, i);
            if (seen != null) {
                errors.add(at, "duplicate of " + field.substring(field.lastIndexOf('.') + 1) + "[" + seen + "]");
            } else {
                values.add(v);
            }
        }
        return errors.count() == before ? new Distribution.Choice(values) : null;
    }

    private static Distribution intRange(Parameter p, Object body, String field, Errors errors) {
        if (p.type() != ParameterType.INT) {
            errors.add(field, wrongRange(p, "intRange"));
            return null;
        }
        Map<?, ?> o = object(body, field, Set.of("min", "max", "step"), "{min, max, step?}", errors);
        if (o == null) {
            return null;
        }
        int before = errors.count();
        Integer min = (Integer) required(p, o, "min", field, errors);
        Integer max = (Integer) required(p, o, "max", field, errors);
        long step = 1;
        if (o.containsKey("step")) {
            Long s = Values.integral(o.get("step"));
            if (s == null || s < 1) {
                errors.add(field + ".step", "must be an integer >= 1, was " + Values.describe(o.get("step")));
            } else {
                step = s;
            }
        }
        if (min != null && max != null && min > max) {
            errors.add(field + ".min", "must be <= max (" + max + "), was " + min);
        }
        return errors.count() == before ? new Distribution.IntRange(min, max, step) : null;
    }

    private static Distribution floatRange(Parameter p, Object body, String field, Errors errors) {
        if (p.type() != ParameterType.FLOAT) {
            errors.add(field, wrongRange(p, "floatRange"));
            return null;
        }
        Map<?, ?> o = object(body, field, Set.of("min", "max", "log", "points"), "{min, max, log?, points?}", errors);
        if (o == null) {
            return null;
        }
        int before = errors.count();
        Double min = (Double) required(p, o, "min", field, errors);
        Double max = (Double) required(p, o, "max", field, errors);
        boolean log = false;
        if (o.containsKey("log")) {
            if (o.get("log") instanceof Boolean b) {
                log = b;
            } else {
                errors.add(field + ".log", "must be true or false, was " + Values.describe(o.get("log")));
            }
        }
        Integer points = null;
        if (o.containsKey("points")) {
            Long n = Values.integral(o.get("points"));
            if (n == null || n < 1 || n > MAX_POINTS) {
                errors.add(field + ".points", "must be an integer in [1, " + MAX_POINTS + "], was "
                        + Values.describe(o.get("points")));
            } else {
                points = n.intValue();
            }
        }
        if (min != null && max != null && min > max) {
            errors.add(field + ".min", "must be <= max (" + Values.number(max) + "), was " + Values.number(min));
        } else if (min != null && log && min <= 0) {
            errors.add(field + ".min", "must be > 0 for a log-scaled range, was " + Values.number(min));
        } else if (min != null && max != null && points != null && points > 1 && min.equals(max)) {
            errors.add(field + ".points", "must be 1 when min == max, or the grid repeats one value");
        }
        return errors.count() == before ? new Distribution.FloatRange(min, max, log, points) : null;
    }

    private static String wrongRange(Parameter p, String kind) {
        String hint = switch (p.type()) {
            case INT -> "use intRange";
            case FLOAT -> "use floatRange";
            default -> "use choice";
        };
        return kind + " does not apply to " + p.name() + ", a " + p.type().name().toLowerCase() + " parameter; " + hint;
    }

    /** The body as an object with only known keys, or null after recording errors. */
    private static Map<?, ?> object(Object body, String field, Set<String> keys, String shape, Errors errors) {
        if (!(body instanceof Map<?, ?> o)) {
            errors.add(field, "must be an object " + shape + ", was " + Values.describe(body));
            return null;
        }
        boolean ok = true;
        for (Object key : o.keySet()) {
            String k = String.valueOf(key);
            if (!keys.contains(k)) {
                errors.add(field + "." + k, "unknown key" + Suggestions.didYouMean(k, keys) + "; expected " + shape);
                ok = false;
            }
        }
        return ok ? o : null;
    }

    /** A required endpoint, checked against the parameter's type and bounds. */
    private static Object required(Parameter p, Map<?, ?> o, String key, String field, Errors errors) {
        if (!o.containsKey(key)) {
            errors.add(field + "." + key, "required");
            return null;
        }
        return p.check(o.get(key), field + "." + key, errors);
    }
}
