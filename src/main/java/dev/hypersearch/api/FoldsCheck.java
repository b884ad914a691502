package dev.hypersearch.api;

import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import dev.hypersearch.search.FieldError;
import java.util.Optional;

/**
 * Whether k-fold cross-validation suits the data set. Stratified folds deal each class's rows out in turn,
 * so a class with fewer than k rows is missing from some folds' validation parts and its accuracy there says
 * nothing (scikit-learn warns in that case); we refuse it. Regression needs at least 2 validation rows per fold.
 */
final class FoldsCheck {

    static final String FIELD = "validation.folds";

    private FoldsCheck() {
    }

    static Optional<FieldError> check(int k, Table dataset) {
        if (dataset.target() instanceof Target.Classes classes) {
            int[] counts = new int[classes.classes().size()];
            for (int row = 0; row < classes.size(); row++) {
                counts[classes.label(row)]++;
            }
            int smallest = 0;
            for (int c = 1; c < counts.length; c++) {
                if (counts[c] < counts[smallest]) {
                    smallest = c;
                }
            }
            if (counts[smallest] < k) {
                return Optional.of(new FieldError(FIELD, "must be at most " + counts[smallest] + " for data set '"
                        + dataset.name() + "': its smallest class '" + classes.classes().get(smallest) + "' has "
                        + counts[smallest] + " rows, fewer than " + k + " folds; was " + k));
            }
        } else if (dataset.rows() < 2 * k) {
            return Optional.of(new FieldError(FIELD, "must be at most " + dataset.rows() / 2 + " for data set '"
                    + dataset.name() + "' (" + dataset.rows() + " rows, at least 2 per fold's validation part); was " + k));
        }
        return Optional.empty();
    }
}
