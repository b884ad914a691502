package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric or boolean column: missing values become the training median, then (numeric only) x' = (x - mean) /
 * scale with the training mean and population std of the imputed values; a boolean stays 0/1. With
 * {@code indicator}, a second input is 1 where the value was missing.
 */
public record NumericStep(String column, boolean bool, double median, double mean, double scale, boolean indicator)
        implements ColumnStep {

    static NumericStep fit(NumericColumn c, int[] rows) {
        double[] values = new double[rows.length];
        boolean missing = false;
        for (int i = 0; i < rows.length; i++) {
            values[i] = c.value(rows[i]);
            missing |= Double.isNaN(values[i]);
        }
        double median = Statistics.median(values);
        boolean bool = c.type() == ColumnType.BOOLEAN;
        if (bool) {
            return new NumericStep(c.name(), true, median, 0, 1, missing);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = median;
            }
        }
        double mean = Statistics.mean(values);
        return new NumericStep(c.name(), false, median, mean, Statistics.scale(values, mean), missing);
    }

    @Override
    public List<Input> inputs() {
        List<Input> in = new ArrayList<>(2);
        in.add(Input.of(column, bool ? InputKind.BOOLEAN : InputKind.STANDARDIZED));
        if (indicator) {
            in.add(Input.of(column, InputKind.MISSING_INDICATOR));
        }
        return List.copyOf(in);
    }

    @Override
    public void write(Column values, int[] rows, double[] out, int stride, int offset) {
        NumericColumn c = ColumnStep.as(NumericColumn.class, values, "numeric");
        for (int i = 0; i < rows.length; i++) {
            double v = c.value(rows[i]);
            boolean missing = Double.isNaN(v);
            int at = i * stride + offset;
            out[at] = ((missing ? median : v) - mean) / scale;
            if (indicator) {
                out[at + 1] = missing ? 1 : 0;
            }
        }
    }
}
