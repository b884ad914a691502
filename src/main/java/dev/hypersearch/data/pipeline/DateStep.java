package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.DateColumn;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date column as calendar features: the year standardized with the training mean and std, and month, day of
 * week and day of year as (sin, cos) pairs so that December sits next to January. A missing date becomes the
 * training median date; with {@code indicator}, a last input is 1 where it was missing.
 */
public record DateStep(String column, long medianEpochDay, double yearMean, double yearScale, boolean indicator)
        implements ColumnStep {

    private static final List<InputKind> CALENDAR = List.of(InputKind.YEAR, InputKind.MONTH_SIN,
            InputKind.MONTH_COS, InputKind.DAY_OF_WEEK_SIN, InputKind.DAY_OF_WEEK_COS, InputKind.DAY_OF_YEAR_SIN,
            InputKind.DAY_OF_YEAR_COS);

    static DateStep fit(DateColumn c, int[] rows) {
        long[] days = c.epochDays();
        double[] present = new double[rows.length];
        boolean missing = false;
        for (int i = 0; i < rows.length; i++) {
            long d = days[rows[i]];
            missing |= d == DateColumn.MISSING;
            present[i] = d == DateColumn.MISSING ? Double.NaN : d;
        }
        long median = (long) Math.floor(Statistics.median(present));
        double[] years = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            long d = days[rows[i]];
            years[i] = LocalDate.ofEpochDay(d == DateColumn.MISSING ? median : d).getYear();
        }
        double mean = Statistics.mean(years);
        return new DateStep(c.name(), median, mean, Statistics.scale(years, mean), missing);
    }

    @Override
    public List<Input> inputs() {
        List<Input> in = new ArrayList<>(CALENDAR.size() + 1);
        for (InputKind k : CALENDAR) {
            in.add(Input.of(column, k));
        }
        if (indicator) {
            in.add(Input.of(column, InputKind.MISSING_INDICATOR));
        }
        return List.copyOf(in);
    }

    @Override
    public void write(Column values, int[] rows, double[] out, int stride, int offset) {
        long[] days = ColumnStep.as(DateColumn.class, values, "date").epochDays();
        for (int i = 0; i < rows.length; i++) {
            long d = days[rows[i]];
            boolean missing = d == DateColumn.MISSING;
            LocalDate date = LocalDate.ofEpochDay(missing ? medianEpochDay : d);
            int at = i * stride + offset;
            out[at] = (date.getYear() - yearMean) / yearScale;
            cyclic(out, at + 1, date.getMonthValue() - 1, 12);
            cyclic(out, at + 3, date.getDayOfWeek().getValue() - 1, 7);
            cyclic(out, at + 5, date.getDayOfYear() - 1, date.lengthOfYear());
            if (indicator) {
                out[at + 7] = missing ? 1 : 0;
            }
        }
    }

    private static void cyclic(double[] out, int at, int position, int period) {
        double angle = 2 * Math.PI * position / period;
        out[at] = Math.sin(angle);
        out[at + 1] = Math.cos(angle);
    }
}
