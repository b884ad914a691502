package dev.hypersearch.data;

/** What the target column means: class labels or real-valued regression targets. */
public enum Task {
    CLASSIFICATION,
    REGRESSION
}
