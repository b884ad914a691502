package dev.hypersearch.api;

import dev.hypersearch.data.pipeline.CategoricalStep;
import dev.hypersearch.data.pipeline.ColumnStep;
import dev.hypersearch.data.pipeline.DateStep;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.pipeline.Input;
import dev.hypersearch.data.pipeline.NumericStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What a search's fitted preprocessing made of each original column, for one fold (fold 0 for a holdout): the
 * same for every trial of the search.
 *
 * @param width   the network's number of inputs
 * @param columns in the table's column order; their inputs in the network's input order
 */
public record Preprocessing(int fold, int width, List<ColumnInputs> columns) {

    /**
     * @param step   numeric, boolean, categorical or date
     * @param inputs readable names, e.g. {@code age:standardized}, {@code age:missing_indicator},
     *               {@code colour=red}, {@code colour:other_level}, {@code joined:month_sin}
     */
    public record ColumnInputs(String column, String step, List<String> inputs) {
    }

    static Preprocessing of(int fold, FittedPipeline pipeline) {
        List<ColumnInputs> columns = new ArrayList<>(pipeline.steps().size());
        for (ColumnStep s : pipeline.steps()) {
            columns.add(new ColumnInputs(s.column(), step(s), s.inputs().stream().map(Input::toString).toList()));
        }
        return new Preprocessing(fold, pipeline.width(), columns);
    }

    private static String step(ColumnStep s) {
        if (s instanceof NumericStep n) {
            return n.bool() ? "boolean" : "numeric";
        }
        if (s instanceof CategoricalStep) {
            return "categorical";
        }
        if (s instanceof DateStep) {
            return "date";
        }
        throw new IllegalArgumentException("unknown step " + s);
    }
}
