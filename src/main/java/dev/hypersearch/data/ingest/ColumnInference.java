package dev.hypersearch.data.ingest;

import dev.hypersearch.data.DatasetFormatException;
import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The type and role of a feature-side column, from what was read and the user's override; and the typed column
 * when it is a feature. The rules (README, "Uploading data"):
 * <ul>
 * <li>type: numbers only → numeric (boolean when the values are 0 and 1); dates in one layout → date; two values
 * that read as yes/no → boolean; otherwise categorical, or text when the values are mostly multi-word and
 * mostly distinct, or more distinct than maxLevels;</li>
 * <li>role: ignored when constant, when an identifier (strings distinct in at least 95% of rows, or integers distinct
 * in every row in a column named like an id: id, *_id, *Id, index, key, row...), or when free text; otherwise
 * feature.</li>
 * </ul>
 */
final class ColumnInference {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "t");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "f");
    private static final int MIN_ROWS_FOR_IDENTIFIER = 10;
    /** id, ID, row_id, customer-id, customerId, index, key, row, row_number... */
    private static final Pattern ID_NAME = Pattern.compile(
            "(?i:id|index|key|row|row[_ -]?(?:num|number|no)|.*[_ -]id)|.*[a-z]I[dD]|#");

    record Inferred(ColumnProfile profile, Column column) {
    }

    private ColumnInference() {
    }

    static Inferred infer(ColumnAccumulator acc, ColumnOverride override, int maxLevels) {
        int distinct = acc.distinct();
        boolean capped = distinct < 0;
        ColumnType inferredType = type(acc, distinct);
        ColumnType type = override != null && override.type() != null ? override.type() : inferredType;
        ColumnRole role;
        IgnoredReason reason = null;
        if (override != null && override.role() != null) {
            role = override.role();
            reason = role == ColumnRole.IGNORED ? IgnoredReason.USER : null;
        } else if (override != null && override.type() != null && type != ColumnType.TEXT) {
            role = ColumnRole.FEATURE; // choosing a type means using the column
        } else {
            reason = ignored(acc, type, distinct);
            role = reason == null ? ColumnRole.FEATURE : ColumnRole.IGNORED;
        }
        if (type == ColumnType.TEXT && role == ColumnRole.FEATURE) {
            if (override != null && override.role() == ColumnRole.FEATURE) {
                throw refuse(acc, "is free text, which is not a feature; set its type to categorical to use it");
            }
            role = ColumnRole.IGNORED;
            reason = IgnoredReason.FREE_TEXT;
        }
        Column column = null;
        if (role == ColumnRole.FEATURE) {
            if (acc.present == 0) {
                throw refuse(acc, "has no values, so it cannot be a feature");
            }
            column = column(acc, type, maxLevels);
        }
        DateFormat dates = type == ColumnType.DATE ? acc.dateFormat() : null;
        ColumnProfile profile = new ColumnProfile(acc.name, type, role, reason, acc.missing,
                capped ? maxLevels : distinct, capped, acc.examples, dates == null ? null : dates.label);
        return new Inferred(profile, column);
    }

    private static ColumnType type(ColumnAccumulator acc, int distinct) {
        if (acc.numeric()) {
            return acc.present > 0 && acc.integers && acc.min >= 0 && acc.max <= 1 && distinct == 2
                    ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
        }
        if (acc.dateFormat() != null) {
            return ColumnType.DATE;
        }
        if (acc.levelsKept() && yesNo(acc.levels()) != null) {
            return ColumnType.BOOLEAN;
        }
        boolean sentences = acc.withWhitespace * 2 > acc.present && distinct * 2 > acc.present;
        return acc.levelsKept() && !sentences ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }

    private static IgnoredReason ignored(ColumnAccumulator acc, ColumnType type, int distinct) {
        if (distinct >= 0 && distinct <= 1) {
            return IgnoredReason.CONSTANT;
        }
        if (type == ColumnType.TEXT) {
            // Single tokens too many to be categories are keys (order numbers, e-mail addresses); the rest is prose.
            return acc.withWhitespace * 20 < acc.present ? IgnoredReason.IDENTIFIER : IgnoredReason.FREE_TEXT;
        }
        if (acc.present < MIN_ROWS_FOR_IDENTIFIER) {
            return null;
        }
        if (type == ColumnType.CATEGORICAL && distinct * 100L >= acc.present * 95L) {
            return IgnoredReason.IDENTIFIER;
        }
        if (type == ColumnType.NUMERIC && acc.integers && distinct == acc.present && ID_NAME.matcher(acc.name).matches()) {
            // Only by name: a numeric feature is often distinct on every row, and all-numeric files train as before.
            return IgnoredReason.IDENTIFIER;
        }
        return null;
    }

    /** The two levels as [false, true] when they read as booleans, else null. */
    private static String[] yesNo(List<String> levels) {
        if (levels.size() != 2) {
            return null;
        }
        String a = levels.get(0).toLowerCase(Locale.ROOT);
        String b = levels.get(1).toLowerCase(Locale.ROOT);
        if (FALSE.contains(a) && TRUE.contains(b)) {
            return new String[] {levels.get(0), levels.get(1)};
        }
        if (TRUE.contains(a) && FALSE.contains(b)) {
            return new String[] {levels.get(1), levels.get(0)};
        }
        return null;
    }

    private static Column column(ColumnAccumulator acc, ColumnType type, int maxLevels) {
        return switch (type) {
            case NUMERIC -> {
                if (!acc.numeric()) {
                    throw refuse(acc, "is not numeric: line " + acc.firstNonNumberLine + " has '" + acc.firstNonNumber
                            + "'", acc.firstNonNumberLine);
                }
                yield new NumericColumn(acc.name, ColumnType.NUMERIC, acc.numbers());
            }
            case BOOLEAN -> new NumericColumn(acc.name, ColumnType.BOOLEAN, booleans(acc));
            case DATE -> {
                if (acc.dateFormat() == null) {
                    throw refuse(acc, "is not a date in one of the layouts "
                            + List.of(DateFormat.values()).stream().map(f -> f.label).toList());
                }
                yield new DateColumn(acc.name, acc.epochDays());
            }
            case CATEGORICAL -> {
                if (!acc.levelsKept()) {
                    throw refuse(acc, "has more than " + maxLevels + " distinct values, the most a categorical"
                            + " column may have (setting hypersearch.datasets.max-levels)");
                }
                yield new CategoricalColumn(acc.name, acc.codes(), acc.levels());
            }
            case TEXT -> throw new IllegalStateException("text is never a feature");
        };
    }

    /** 0/1 for a numeric column of zeros and ones, or false/true for two yes/no levels, or the two levels sorted. */
    private static double[] booleans(ColumnAccumulator acc) {
        if (acc.numeric() && acc.integers && acc.min >= 0 && acc.max <= 1) {
            return acc.numbers();
        }
        if (!acc.levelsKept() || acc.levels().size() > 2) {
            throw refuse(acc, "has more than two values, so it cannot be boolean");
        }
        List<String> levels = acc.levels();
        String[] yesNo = yesNo(levels);
        String trueLevel = yesNo != null ? yesNo[1]
                : levels.size() < 2 ? levels.get(0) : levels.stream().sorted().toList().get(1);
        int trueCode = levels.indexOf(trueLevel);
        int[] codes = acc.codes();
        double[] values = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = codes[i] < 0 ? Double.NaN : codes[i] == trueCode ? 1 : 0;
        }
        return values;
    }

    private static DatasetFormatException refuse(ColumnAccumulator acc, String problem) {
        return refuse(acc, problem, 0);
    }

    private static DatasetFormatException refuse(ColumnAccumulator acc, String problem, int line) {
        return new DatasetFormatException("column '" + acc.name + "' " + problem, line, acc.name);
    }
}
