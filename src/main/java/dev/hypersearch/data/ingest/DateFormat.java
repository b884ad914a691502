package dev.hypersearch.data.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The date layouts a column may use. A column is a date column when every value parses with one of them; US
 * month-first is tried before day-first, so 03/04/2024 is 4 March unless a later value (13/04/2024) rules it out.
 * ISO values may carry a time ({@code 2024-03-04T10:15:00} or {@code 2024-03-04 10:15}), which is dropped.
 */
enum DateFormat {
    ISO("yyyy-MM-dd", "uuuu-MM-dd", "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"),
    YEAR_SLASH("yyyy/MM/dd", "uuuu/MM/dd", "\\d{4}/\\d{2}/\\d{2}"),
    MONTH_FIRST("MM/dd/yyyy", "M/d/uuuu", "\\d{1,2}/\\d{1,2}/\\d{4}"),
    DAY_FIRST("dd/MM/yyyy", "d/M/uuuu", "\\d{1,2}/\\d{1,2}/\\d{4}"),
    DAY_DOT("dd.MM.yyyy", "d.M.uuuu", "\\d{1,2}\\.\\d{1,2}\\.\\d{4}");

    /** How the profile names the layout. */
    final String label;
    private final DateTimeFormatter formatter;
    private final Pattern shape;

    DateFormat(String label, String pattern, String shape) {
        this.label = label;
        this.formatter = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        this.shape = Pattern.compile(shape);
    }

    /** Days since 1970-01-01, or {@link Long#MIN_VALUE} when the value is not a date in this layout. */
    long epochDay(String value) {
        if (!shape.matcher(value).matches()) {
            return Long.MIN_VALUE;
        }
        String date = this == ISO ? value.substring(0, 10) : value;
        try {
            return LocalDate.parse(date, formatter).toEpochDay();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
