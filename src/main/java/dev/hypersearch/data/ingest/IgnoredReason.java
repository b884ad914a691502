package dev.hypersearch.data.ingest;

/** Why a column is not a feature. */
public enum IgnoredReason {
    /** Distinct on nearly every row (a row number, a customer id): it would let a model memorise rows. */
    IDENTIFIER,
    /** One value (or none) in every row: nothing to learn from. */
    CONSTANT,
    /** Sentences or more distinct strings than categories may have. */
    FREE_TEXT,
    /** The user set the role. */
    USER
}
