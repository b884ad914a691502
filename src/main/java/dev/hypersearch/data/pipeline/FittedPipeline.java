package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Preprocessing fitted on a table's training rows: one step per feature column, in the table's column order.
 * Immutable plain data, so it can be stored (JSON) and applied later to rows it never saw, e.g. a table
 * uploaded for prediction, whose columns are matched by name.
 *
 * <p>{@code target} is the regression target's standardization (null for classification): the network is
 * trained on standardized targets and its outputs are restored with it.
 *
 * <p>A column counts as having missing values, and gets a missing indicator, when its <em>training</em> rows
 * have one; a missing value that first appears at transform time is imputed without an indicator.
 */
public record FittedPipeline(List<ColumnStep> steps, TargetScale target) {

    /** Kept one-hot levels per categorical column unless a search says otherwise. */
    public static final int DEFAULT_LEVEL_LIMIT = 20;

    public FittedPipeline {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one column");
        }
    }

    /** Fits every feature column of {@code table} on {@code trainRows} only. */
    public static FittedPipeline fit(Table table, int[] trainRows, int levelLimit) {
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("fitting needs at least one training row");
        }
        if (levelLimit < 1) {
            throw new IllegalArgumentException("level limit must be at least 1, was " + levelLimit);
        }
        List<ColumnStep> steps = new ArrayList<>(table.features().size());
        for (Column c : table.features()) {
            if (c instanceof NumericColumn n) {
                steps.add(NumericStep.fit(n, trainRows));
            } else if (c instanceof CategoricalColumn cat) {
                steps.add(CategoricalStep.fit(cat, trainRows, levelLimit));
            } else {
                steps.add(DateStep.fit((DateColumn) c, trainRows));
            }
        }
        TargetScale target = null;
        if (table.target() instanceof Target.Values v) {
            double[] y = new double[trainRows.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = v.value(trainRows[i]);
            }
            target = TargetScale.fit(y);
        }
        return new FittedPipeline(steps, target);
    }

    /** Number of inputs the network gets. */
    public int width() {
        int w = 0;
        for (ColumnStep s : steps) {
            w += s.width();
        }
        return w;
    }

    /** The network's inputs in order: which original column each comes from and what it is. */
    public List<Input> inputs() {
        List<Input> in = new ArrayList<>(width());
        for (ColumnStep s : steps) {
            in.addAll(s.inputs());
        }
        return List.copyOf(in);
    }

    /** All rows of {@code table} as inputs, rows x {@link #width()}. */
    public DMatrixRMaj transform(Table table) {
        int[] rows = new int[table.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return transform(table, rows);
    }

    /** The given rows of {@code table}, in that order, as inputs. */
    public DMatrixRMaj transform(Table table, int[] rows) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : table.features()) {
            byName.put(c.name(), c);
        }
        int width = width();
        DMatrixRMaj out = new DMatrixRMaj(rows.length, width);
        int offset = 0;
        for (ColumnStep s : steps) {
            Column c = byName.get(s.column());
            if (c == null) {
                throw new IllegalArgumentException("table " + table.name() + " has no feature column "
                        + s.column() + ", which the pipeline was fitted on");
            }
            s.write(c, rows, out.data, width, offset);
            offset += s.width();
        }
        return out;
    }
}
