/**
 * A table as uploaded, before any preprocessing: typed columns with missing values, and the label. The upload
 * (parsing, profiling, storage) produces a {@link dev.hypersearch.data.table.Table}; the per-trial preprocessing
 * pipeline is fitted on some of its rows and turns rows into the engine's numeric inputs. Plain Java.
 */
package dev.hypersearch.data.table;
