package dev.hypersearch.api;

import dev.hypersearch.data.LabelCounts;
import dev.hypersearch.search.FieldError;
import java.util.List;
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

    static Optional<FieldError> check(int k, LabelCounts data) {
        if (data.classification()) {
            List<Integer> counts = data.counts();
            int smallest = 0;
            for (int c = 1; c < counts.size(); c++) {
                if (counts.get(c) < counts.get(smallest)) {
                    smallest = c;
                }
            }
            if (counts.get(smallest) < k) {
                return Optional.of(new FieldError(FIELD, "must be at most " + counts.get(smallest) + " for data set '"
                        + data.dataset() + "': its smallest class '" + data.classes().get(smallest) + "' has "
                        + counts.get(smallest) + " rows, fewer than " + k + " folds; was " + k));
            }
        } else if (data.rows() < 2 * k) {
            return Optional.of(new FieldError(FIELD, "must be at most " + data.rows() / 2 + " for data set '"
                    + data.dataset() + "' (" + data.rows() + " rows, at least 2 per fold's validation part); was " + k));
        }
        return Optional.empty();
    }
}
