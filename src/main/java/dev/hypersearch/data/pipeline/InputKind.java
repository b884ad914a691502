package dev.hypersearch.data.pipeline;

/** What one network input is, relative to its original column. */
public enum InputKind {
    /** A numeric column, imputed with its training median and standardized. */
    STANDARDIZED,
    /** A boolean column as 0/1, imputed with its training median. */
    BOOLEAN,
    /** 1 where the original value was missing, else 0. */
    MISSING_INDICATOR,
    /** 1 where the category is this level (one of the most frequent in training). */
    LEVEL,
    /** 1 where the category was missing. */
    MISSING_LEVEL,
    /** 1 where the category is any level not kept: rare in training, or never seen there. */
    OTHER_LEVEL,
    /** A date's calendar year, standardized. */
    YEAR,
    MONTH_SIN,
    MONTH_COS,
    DAY_OF_WEEK_SIN,
    DAY_OF_WEEK_COS,
    DAY_OF_YEAR_SIN,
    DAY_OF_YEAR_COS
}
