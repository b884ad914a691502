/**
 * Preprocessing fitted on a table's training rows only: imputation, missing indicators, standardization,
 * one-hot levels and calendar features, turning a {@link dev.hypersearch.data.table.Table}'s typed columns into
 * the engine's numeric inputs. A {@link dev.hypersearch.data.pipeline.FittedPipeline} is plain data (records),
 * lists what each input is, and transforms any table with the same columns. Plain Java.
 */
package dev.hypersearch.data.pipeline;
