package dev.hypersearch.data;

/**
 * How big a data set is, without its values: enough to size a network and estimate the memory a trial on it
 * needs. Uploaded sets record it at upload, so it is read without parsing the CSV again.
 *
 * @param classes number of classes; 0 for regression
 */
public record DatasetShape(int rows, int features, int classes) {

    public DatasetShape {
        if (rows < 0 || features < 1 || classes < 0) {
            throw new IllegalArgumentException("impossible shape: " + rows + " rows, " + features + " features, "
                    + classes + " classes");
        }
    }

    public static DatasetShape of(Dataset d) {
        return new DatasetShape(d.size(), d.numFeatures(), d.isClassification() ? d.numClasses() : 0);
    }

    public boolean classification() {
        return classes > 0;
    }
}
