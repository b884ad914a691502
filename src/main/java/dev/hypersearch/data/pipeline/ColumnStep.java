package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.Column;
import java.util.List;

/** What one original column becomes: its fitted statistics and the inputs it writes, in order. */
public sealed interface ColumnStep permits NumericStep, CategoricalStep, DateStep {

    /** The original column's name; a table is matched to the step by it. */
    String column();

    List<Input> inputs();

    default int width() {
        return inputs().size();
    }

    /**
     * Writes the inputs of {@code rows} of {@code values} into row-major {@code out}: row i's inputs go to
     * {@code out[i * stride + offset ...]}.
     */
    void write(Column values, int[] rows, double[] out, int stride, int offset);

    /** The column cast to the type the step was fitted on; a different type is the caller's mistake. */
    static <C extends Column> C as(Class<C> type, Column c, String step) {
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException("column " + c.name() + " is " + c.type() + ", the pipeline was fitted"
                    + " on a " + step + " column");
        }
        return type.cast(c);
    }
}
